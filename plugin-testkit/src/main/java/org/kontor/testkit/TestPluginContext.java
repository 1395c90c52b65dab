package org.kontor.testkit;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.PluginContext;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.Mailer;
import org.kontor.api.secrets.Secrets;
import org.kontor.api.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin context over a test database, to create a plugin's extensions in a test the way the host
 * does ({@code new PrepaidFunding(context)}). Settings come from a map, events and mail are recorded;
 * secrets are not provided, and a database, an HTTP client and a data folder only when given (see the
 * {@code with...} methods): what is not provided fails loudly when used, so a test cannot pass by accident.
 *
 * @param jdbi       the database, or null for an extension that keeps no data of its own
 * @param httpClient the HTTP client for calls to a provider (a fake or WireMock in tests), or null
 * @param dataDir    the plugin's data folder, or null
 */
public record TestPluginContext(String pluginId, Jdbi jdbi, Clock clock, EventPublisher events, Mailer mailer,
                                Map<String, String> settingValues, HttpClient httpClient, Path dataDir)
        implements PluginContext {

    public TestPluginContext {
        settingValues = Map.copyOf(settingValues);
    }

    /** A context without HTTP client and data folder. */
    public TestPluginContext(String pluginId, Jdbi jdbi, Clock clock, EventPublisher events, Mailer mailer,
                             Map<String, String> settingValues) {
        this(pluginId, jdbi, clock, events, mailer, settingValues, null, null);
    }

    /** A context with no saved settings that records published events and queued mail. */
    public static TestPluginContext of(String pluginId, Jdbi jdbi, Clock clock) {
        return new TestPluginContext(pluginId, jdbi, clock, new RecordingEvents(), new RecordingMailer(), Map.of());
    }

    /** A context without a database, for extensions that keep no data of their own (a provider keeps it). */
    public static TestPluginContext of(String pluginId, Clock clock) {
        return of(pluginId, null, clock);
    }

    /** This context with these saved settings instead. */
    public TestPluginContext withSettings(Map<String, String> values) {
        return new TestPluginContext(pluginId, jdbi, clock, events, mailer, values, httpClient, dataDir);
    }

    /** This context with an HTTP client, e.g. {@code HttpClient.newHttpClient()} towards a fake provider. */
    public TestPluginContext withHttpClient(HttpClient client) {
        return new TestPluginContext(pluginId, jdbi, clock, events, mailer, settingValues, client, dataDir);
    }

    /** This context with a data folder (a {@code @TempDir}). */
    public TestPluginContext withDataDir(Path folder) {
        return new TestPluginContext(pluginId, jdbi, clock, events, mailer, settingValues, httpClient, folder);
    }

    @Override
    public String pluginVersion() {
        return "0.0.0-test";
    }

    @Override
    public Jdbi jdbi() {
        if (jdbi == null) {
            throw notProvided("a database");
        }
        return jdbi;
    }

    @Override
    public Settings settings() {
        return key -> Optional.ofNullable(settingValues.get(key));
    }

    @Override
    public Secrets secrets() {
        throw notProvided("secrets");
    }

    @Override
    public HttpClient httpClient() {
        if (httpClient == null) {
            throw notProvided("an HTTP client");
        }
        return httpClient;
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugin." + pluginId);
    }

    @Override
    public Path dataDir() {
        if (dataDir == null) {
            throw notProvided("a data folder");
        }
        return dataDir;
    }

    private IllegalStateException notProvided(String what) {
        return new IllegalStateException("the test context of " + pluginId + " provides no " + what);
    }
}
