package org.kontor.host.plugins;

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
import org.kontor.api.payment.PaymentNotifications;
import org.kontor.api.portfolio.DomainPortfolio;
import org.kontor.api.secrets.Secrets;
import org.kontor.api.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The host's services as one plugin sees them. */
final class HostPluginContext implements PluginContext {

    private final String pluginId;
    private final String pluginVersion;
    private final HostServices services;
    private final Settings settings;
    private final Logger logger;

    HostPluginContext(String pluginId, String pluginVersion, HostServices services, Settings settings) {
        this.pluginId = pluginId;
        this.pluginVersion = pluginVersion;
        this.services = services;
        this.settings = settings;
        this.logger = LoggerFactory.getLogger("plugin." + pluginId);
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
        return services.clock();
    }

    @Override
    public Jdbi jdbi() {
        return services.jdbi();
    }

    @Override
    public EventPublisher events() {
        return services.events();
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Secrets secrets() {
        return services.secrets();
    }

    @Override
    public HttpClient httpClient() {
        return services.httpClient();
    }

    @Override
    public Mailer mailer() {
        return services.mailer();
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public Optional<DomainPortfolio> domainPortfolio() {
        return Optional.ofNullable(services.portfolio());
    }

    @Override
    public Optional<PaymentNotifications> paymentNotifications() {
        return Optional.ofNullable(services.paymentNotifications()).map(notifications -> notifications.of(pluginId));
    }

    @Override
    public Path dataDir() {
        Path dir = services.pluginDataRoot().resolve(pluginId);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder of plugin '" + pluginId + "'", e);
        }
    }
}
