package org.kontor.plugins.epp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EppTokenBucketTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aBurstIsFreeThenCommandsAreSpacedByTheRate() {
        TokenBucket bucket = new TokenBucket(10, 2, now::get);

        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(100_000_000L);
        assertThat(bucket.reserve()).isEqualTo(200_000_000L);
    }

    @Test
    void tokensRefillWithTimeUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 2, now::get);
        bucket.reserve();
        bucket.reserve();

        now.addAndGet(10_000_000_000L);

        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(100_000_000L);
    }
}
