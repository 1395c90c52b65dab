package org.kontor.host.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The consent cookie's values and the banner's way back. */
class ConsentTest {

    @Test
    void onlyTheTwoChoicesAreKnown() {
        assertThat(Consent.parse("analytics")).contains(Consent.GRANTED);
        assertThat(Consent.parse(" NONE ")).contains(Consent.DECLINED);
        assertThat(Consent.parse("yes")).isEmpty();
        assertThat(Consent.parse(null)).isEmpty();
        assertThat(Consent.GRANTED.trackingAllowed()).isTrue();
        assertThat(Consent.DECLINED.trackingAllowed()).isFalse();
        assertThat(Consent.UNDECIDED.trackingAllowed()).isFalse();
    }

    @Test
    void theVisitorGoesBackOnlyToAPathOnThisSite() {
        assertThat(ConsentRoutes.returnPath("/search?q=kontor")).isEqualTo("/search?q=kontor");
        assertThat(ConsentRoutes.returnPath("/")).isEqualTo("/");
        assertThat(ConsentRoutes.returnPath("//evil.example/")).isEqualTo("/");
        assertThat(ConsentRoutes.returnPath("/\\evil.example")).isEqualTo("/");
        assertThat(ConsentRoutes.returnPath("https://evil.example/")).isEqualTo("/");
        assertThat(ConsentRoutes.returnPath("/a b")).isEqualTo("/");
        assertThat(ConsentRoutes.returnPath(null)).isEqualTo("/");
    }
}
