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
 * secrets, HTTP and the data folder are not provided and fail loudly when used, so a test cannot pass by
 * accident.
 */
public record TestPluginContext(String pluginId, Jdbi jdbi, Clock clock, EventPublisher events, Mailer mailer,
                                Map<String, String> settingValues) implements PluginContext {

    public TestPluginContext {
        settingValues = Map.copyOf(settingValues);
    }

    /** A context with no saved settings that records published events and queued mail. */
    public static TestPluginContext of(String pluginId, Jdbi jdbi, Clock clock) {
        return new TestPluginContext(pluginId, jdbi, clock, new RecordingEvents(), new RecordingMailer(), Map.of());
    }

    @Override
    public String pluginVersion() {
        return "0.0.0-test";
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
        throw notProvided("an HTTP client");
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugin." + pluginId);
    }

    @Override
    public Path dataDir() {
        throw notProvided("a data folder");
    }

    private IllegalStateException notProvided(String what) {
        return new IllegalStateException("the test context of " + pluginId + " provides no " + what);
    }
}
