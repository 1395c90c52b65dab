package org.kontor.plugins.sandbox;

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

/**
 * The sandbox plugin's context in a test: a real database, settings from a map (without the schema's defaults,
 * so the service must fill them in itself), a data folder and a logger of the test's choosing. What the sandbox
 * does not use fails loudly.
 */
record ServiceTestContext(Jdbi jdbi, Path dataDir, Logger logger, Map<String, String> settingValues)
        implements PluginContext {

    ServiceTestContext {
        settingValues = Map.copyOf(settingValues);
    }

    ServiceTestContext withSettings(Map<String, String> values) {
        return new ServiceTestContext(jdbi, dataDir, logger, values);
    }

    @Override
    public String pluginId() {
        return "sandbox-registry";
    }

    @Override
    public String pluginVersion() {
        return "0.0.0-test";
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Settings settings() {
        return key -> Optional.ofNullable(settingValues.get(key));
    }

    @Override
    public EventPublisher events() {
        throw new IllegalStateException("the sandbox publishes no events");
    }

    @Override
    public Secrets secrets() {
        throw new IllegalStateException("the sandbox seals no secrets");
    }

    @Override
    public HttpClient httpClient() {
        throw new IllegalStateException("the sandbox makes no HTTP calls");
    }

    @Override
    public Mailer mailer() {
        throw new IllegalStateException("the sandbox sends no mail");
    }
}
