package org.kontor.plugins.matomo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.analytics.TrackedPage;

/** The tracker snippet: an external script configured by data attributes, only when the visitor may be tracked. */
class MatomoAnalyticsTest {

    private final MatomoFixture fixture = new MatomoFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static TrackedPage page(boolean consent) {
        return new TrackedPage("shop.example", "/", "da", consent);
    }

    @Test
    void withCookiesTheTrackerIsGivenOnlyAfterConsent() {
        MatomoAnalytics matomo = new MatomoAnalytics(fixture.context());

        assertThat(matomo.headSnippet(page(false))).isEmpty();
        assertThat(matomo.headSnippet(page(true))).hasValueSatisfying(html -> assertThat(html)
                .startsWith("<script src=\"/assets/p/analytics-matomo/matomo-tracker.js\"")
                .contains("data-matomo-url=\"" + fixture.baseUrl() + "/\"", "data-site-id=\"7\"",
                        "data-cookieless=\"false\"")
                .endsWith("></script>"));
    }

    @Test
    void cookielessTheTrackerIsGivenWithoutConsentAndSetsNoCookie() {
        fixture.settings.put(MatomoSettings.COOKIELESS, "true");

        assertThat(new MatomoAnalytics(fixture.context()).headSnippet(page(false)))
                .hasValueSatisfying(html -> assertThat(html).contains("data-cookieless=\"true\""));
    }

    @Test
    void theOriginOfTheInstallationIsTheOnlySource() {
        fixture.settings.put(MatomoSettings.BASE_URL, "https://stats.example.org/matomo/");

        MatomoAnalytics matomo = new MatomoAnalytics(fixture.context());

        assertThat(matomo.sources()).containsExactly("https://stats.example.org");
        assertThat(matomo.headSnippet(page(true)).orElseThrow())
                .contains("data-matomo-url=\"https://stats.example.org/matomo/\"");
    }

    @Test
    void anUnconfiguredPluginGivesNothing() {
        fixture.settings.remove(MatomoSettings.BASE_URL);

        MatomoAnalytics matomo = new MatomoAnalytics(fixture.context());

        assertThat(matomo.headSnippet(page(true))).isEmpty();
        assertThat(matomo.sources()).isEmpty();
    }

    @Test
    void theTrackerScriptShipsWithThePlugin() {
        assertThat(getClass().getClassLoader().getResource("static/analytics-matomo/matomo-tracker.js")).isNotNull();
    }
}
