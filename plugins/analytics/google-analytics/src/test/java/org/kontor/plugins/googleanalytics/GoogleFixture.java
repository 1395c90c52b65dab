package org.kontor.plugins.googleanalytics;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.event.OrderCheckedOut;
import org.kontor.api.money.Money;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;

/** GA4's Measurement Protocol on loopback (WireMock with the recorded answers under {@code ga4/}) and a context for it. */
final class GoogleFixture implements AutoCloseable {

    static final String PLUGIN_ID = "analytics-google";
    static final String MEASUREMENT_ID = "G-KONTOR1234";
    static final String API_SECRET = "Zk9yVGVzdFNlY3JldA";

    final WireMockServer ga4 = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort().usingFilesUnderClasspath("ga4"));
    final Map<String, String> settings = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    GoogleFixture() {
        ga4.start();
        settings.put(GoogleSettings.MEASUREMENT_ID, MEASUREMENT_ID);
        settings.put(GoogleSettings.API_SECRET, API_SECRET);
        settings.put(GoogleSettings.BASE_URL, "http://127.0.0.1:" + ga4.port());
        settings.put(GoogleSettings.TIMEOUT_SECONDS, "2");
    }

    TestPluginContext context() {
        return TestPluginContext.of(PLUGIN_ID, TestClock.at(Instant.parse("2030-01-01T00:00:00Z")))
                .withSettings(settings).withHttpClient(http);
    }

    static OrderCheckedOut order(boolean trackingAllowed) {
        return new OrderCheckedOut("O-20300101-5E6F7A8B", "customer-9", Money.of("156.25", "EUR"),
                Money.of("31.25", "EUR"), List.of(
                        new OrderCheckedOut.Item("register.eu", "example.eu (1 year)", "domain-register",
                                Money.of("75.00", "EUR"), 1),
                        new OrderCheckedOut.Item("dns-premium", "Premium DNS", "addon", Money.of("50.00", "EUR"), 1)),
                trackingAllowed);
    }

    @Override
    public void close() {
        ga4.stop();
    }
}
