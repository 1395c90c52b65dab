package org.kontor.plugins.matomo;

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

/**
 * A Matomo on loopback (WireMock answering as Matomo does, from the recorded exchanges under {@code matomo/}) and
 * the plugin's context pointing at it.
 */
final class MatomoFixture implements AutoCloseable {

    static final String PLUGIN_ID = "analytics-matomo";
    static final String TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    final WireMockServer matomo = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort().usingFilesUnderClasspath("matomo"));
    final Map<String, String> settings = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    MatomoFixture() {
        matomo.start();
        settings.put(MatomoSettings.BASE_URL, baseUrl() + "/");
        settings.put(MatomoSettings.SITE_ID, "7");
        settings.put(MatomoSettings.COOKIELESS, "false");
        settings.put(MatomoSettings.TIMEOUT_SECONDS, "2");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + matomo.port();
    }

    TestPluginContext context() {
        return TestPluginContext.of(PLUGIN_ID, TestClock.at(Instant.parse("2030-01-01T00:00:00Z")))
                .withSettings(settings).withHttpClient(http);
    }

    static OrderCheckedOut order(boolean trackingAllowed) {
        return new OrderCheckedOut("O-20300101-1A2B3C4D", "customer-7", Money.of("156.25", "DKK"),
                Money.of("31.25", "DKK"), List.of(
                        new OrderCheckedOut.Item("register.dk", "example.dk (1 year)", "domain-register",
                                Money.of("75.00", "DKK"), 1),
                        new OrderCheckedOut.Item("webhotel-s", "Webhotel S \"Start\"", "addon", Money.of("50.00", "DKK"), 1)),
                trackingAllowed);
    }

    @Override
    public void close() {
        matomo.stop();
    }
}
