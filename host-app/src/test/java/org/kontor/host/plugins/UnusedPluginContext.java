package org.kontor.host.plugins;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.PluginContext;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.Mailer;
import org.kontor.api.secrets.Secrets;
import org.kontor.api.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A context for tests of loading and lifecycle only: identity and clock work, anything that needs the
 * host's services fails loudly so a test cannot pass by accident.
 */
record UnusedPluginContext(String pluginId, String pluginVersion) implements PluginContext {

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public Jdbi jdbi() {
        throw unused();
    }

    @Override
    public EventPublisher events() {
        throw unused();
    }

    @Override
    public Settings settings() {
        throw unused();
    }

    @Override
    public Secrets secrets() {
        throw unused();
    }

    @Override
    public HttpClient httpClient() {
        throw unused();
    }

    @Override
    public Mailer mailer() {
        throw unused();
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugin." + pluginId);
    }

    @Override
    public Path dataDir() {
        throw unused();
    }

    private static IllegalStateException unused() {
        return new IllegalStateException("this test context offers no host services");
    }
}
