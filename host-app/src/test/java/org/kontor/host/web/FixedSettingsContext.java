package org.kontor.host.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * A plugin context for web tests: a real SQLite file with the greeter's table, and the greeting
 * setting fixed to "Ahoy". Services the routes do not use fail loudly.
 */
final class FixedSettingsContext implements PluginContext {

    private final String pluginId;
    private final String pluginVersion;
    private final Jdbi jdbi;

    FixedSettingsContext(String pluginId, String pluginVersion) {
        this.pluginId = pluginId;
        this.pluginVersion = pluginVersion;
        try {
            Path file = Files.createTempFile("kontor-web-test", ".db");
            file.toFile().deleteOnExit();
            this.jdbi = Jdbi.create("jdbc:sqlite:" + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbi.useHandle(handle -> handle.execute(
                "CREATE TABLE IF NOT EXISTS greeter_visit (id TEXT PRIMARY KEY, visited_at BIGINT NOT NULL)"));
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String pluginVersion() {
        return pluginVersion;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public EventPublisher events() {
        throw new IllegalStateException("not offered in this test");
    }

    @Override
    public Settings settings() {
        return key -> key.equals("greeting") ? Optional.of("Ahoy") : Optional.empty();
    }

    @Override
    public Secrets secrets() {
        throw new IllegalStateException("not offered in this test");
    }

    @Override
    public HttpClient httpClient() {
        throw new IllegalStateException("not offered in this test");
    }

    @Override
    public Mailer mailer() {
        throw new IllegalStateException("not offered in this test");
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugin." + pluginId);
    }

    @Override
    public Path dataDir() {
        throw new IllegalStateException("not offered in this test");
    }
}
