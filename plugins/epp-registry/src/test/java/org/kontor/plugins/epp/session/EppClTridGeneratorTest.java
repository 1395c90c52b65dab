package org.kontor.plugins.epp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EppClTridGeneratorTest {

    private final Clock fixed = Clock.fixed(Instant.parse("2026-05-11T08:50:11Z"), ZoneOffset.UTC);

    @Test
    void idsAreUniqueEvenWithinOneMillisecond() {
        ClTridGenerator generator = new ClTridGenerator("REG-1234", fixed);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(generator.next().value());
        }
        assertThat(ids).hasSize(1000).allSatisfy(id -> assertThat(id).startsWith("REG-1234-"));
    }

    @Test
    void aLongPrefixStillGivesAValidId() {
        String prefix = "P".repeat(32);
        String id = new ClTridGenerator(prefix, Clock.systemUTC()).next().value();
        assertThat(id).startsWith(prefix).hasSizeLessThanOrEqualTo(64);
        assertThatThrownBy(() -> new ClTridGenerator("P".repeat(33), fixed)).isInstanceOf(IllegalArgumentException.class);
    }
}
