package org.kontor.plugins.googleanalytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.analytics.TrackedPage;
import org.kontor.api.settings.ConnectionTestResult;

/** The GA4 snippet (only after consent, Consent Mode defaults denied) and the settings' connection test. */
class GoogleAnalyticsTest {

    private final GoogleFixture fixture = new GoogleFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static TrackedPage page(boolean consent) {
        return new TrackedPage("shop.example", "/", "de", consent);
    }

    @Test
    void theSnippetIsGivenOnlyAfterConsent() {
        GoogleAnalytics ga = new GoogleAnalytics(fixture.context());

        assertThat(ga.headSnippet(page(false))).isEmpty();
        assertThat(ga.headSnippet(page(true))).hasValue("<script src=\"/assets/p/analytics-google/ga4-consent.js\" "
                + "id=\"ga4-consent\" data-measurement-id=\"G-KONTOR1234\" data-consent=\"granted\" defer></script>");
        assertThat(ga.sources()).contains("https://www.googletagmanager.com", "https://*.google-analytics.com");
    }

    @Test
    void aMeasurementIdOfAnotherFormIsNotConfigured() {
        fixture.settings.put(GoogleSettings.MEASUREMENT_ID, "UA-1234-1\"><script>");

        GoogleAnalytics ga = new GoogleAnalytics(fixture.context());

        assertThat(ga.headSnippet(page(true))).isEmpty();
        assertThat(ga.sources()).isEmpty();
    }

    @Test
    void theScriptDeniesEveryStorageByDefaultAndGrantsAnalyticsOnlyWithConsent() throws IOException {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("static/analytics-google/ga4-consent.js")) {
            assertThat(in).isNotNull();
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int defaults = script.indexOf("gtag('consent', 'default'");
        int update = script.indexOf("gtag('consent', 'update'");
        int load = script.indexOf("googletagmanager.com/gtag/js");
        assertThat(defaults).isPositive();
        assertThat(script.substring(defaults, update)).contains("analytics_storage: 'denied'", "ad_storage: 'denied'")
                .as("the update is conditional on the consent").endsWith("if (me.getAttribute('data-consent') === 'granted') {\n    ");
        assertThat(script.substring(update, load)).contains("analytics_storage: 'granted'")
                .doesNotContain("ad_storage: 'granted'");
        assertThat(load).isGreaterThan(update);
    }

    @Test
    void theConnectionTestUsesTheValidationServer() {
        Map<String, String> candidate = new HashMap<>(fixture.settings);
        GoogleSettings settings = new GoogleSettings(fixture.context());

        ConnectionTestResult ok = settings.testConnection(key -> Optional.ofNullable(candidate.get(key)));
        candidate.put(GoogleSettings.MEASUREMENT_ID, "G-UNKNOWN000");
        ConnectionTestResult refused = settings.testConnection(key -> Optional.ofNullable(candidate.get(key)));
        candidate.remove(GoogleSettings.API_SECRET);
        ConnectionTestResult withoutSecret = settings.testConnection(key -> Optional.ofNullable(candidate.get(key)));

        assertThat(ok.succeeded()).as(ok.message()).isTrue();
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.message()).contains("not valid for this API secret");
        assertThat(withoutSecret.succeeded()).isFalse();
        assertThat(fixture.ga4.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/mp/collect")))).as("nothing recorded").isEmpty();
    }
}
