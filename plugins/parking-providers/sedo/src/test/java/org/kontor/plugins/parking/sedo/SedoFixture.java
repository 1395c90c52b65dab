package org.kontor.plugins.parking.sedo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.kontor.testkit.TestPluginContext;

/**
 * Sedo's API on loopback: a WireMock server answering from the fixtures under {@code sedo/} (mappings and their XML
 * bodies, in the form the plugin's {@link SedoApi} documents), and a plugin context whose settings point at it.
 */
final class SedoFixture implements AutoCloseable {

    static final String PARTNER_ID = "319844";
    static final String SIGN_KEY = "kontor-sign-key";
    static final String USERNAME = "kontor-parking";
    static final String PASSWORD = "kontor-parking-password";

    final WireMockServer sedo;
    final Map<String, String> settings = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SedoFixture() {
        sedo = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderClasspath("sedo"));
        sedo.start();
        settings.put(SedoSettings.PARTNER_ID, PARTNER_ID);
        settings.put(SedoSettings.SIGN_KEY, SIGN_KEY);
        settings.put(SedoSettings.USERNAME, USERNAME);
        settings.put(SedoSettings.PASSWORD, PASSWORD);
        settings.put(SedoSettings.BASE_URL, baseUrl());
        settings.put(SedoSettings.TIMEOUT_SECONDS, "1");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + sedo.port() + "/api/v1/";
    }

    TestPluginContext context() {
        return TestPluginContext.of("parking-sedo", Clock.systemUTC()).withSettings(settings).withHttpClient(http);
    }

    SedoParking parking() {
        return new SedoParking(context());
    }

    SedoAftermarket aftermarket() {
        return new SedoAftermarket(context());
    }

    /** Points the settings at a port nothing listens on. */
    void down() {
        try (ServerSocket free = new ServerSocket(0)) {
            settings.put(SedoSettings.BASE_URL, "http://127.0.0.1:" + free.getLocalPort() + "/api/v1/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sedo.stop();
    }
}
