package org.kontor.host.plugins;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.Mailer;
import org.kontor.api.portfolio.DomainPortfolio;
import org.kontor.api.secrets.Secrets;

/**
 * The host services every plugin context shares.
 *
 * @param portfolio            the host's domains as offered to plugins, or null where the host offers none
 * @param paymentNotifications where gateway plugins report notifications, or null where the host takes no payments
 */
public record HostServices(Clock clock, Jdbi jdbi, EventPublisher events, Secrets secrets, HttpClient httpClient,
                           Mailer mailer, Path pluginDataRoot, DomainPortfolio portfolio,
                           PluginPaymentNotifications paymentNotifications) {

    public HostServices(Clock clock, Jdbi jdbi, EventPublisher events, Secrets secrets, HttpClient httpClient,
                        Mailer mailer, Path pluginDataRoot, DomainPortfolio portfolio) {
        this(clock, jdbi, events, secrets, httpClient, mailer, pluginDataRoot, portfolio, null);
    }

    public HostServices(Clock clock, Jdbi jdbi, EventPublisher events, Secrets secrets, HttpClient httpClient,
                        Mailer mailer, Path pluginDataRoot) {
        this(clock, jdbi, events, secrets, httpClient, mailer, pluginDataRoot, null, null);
    }
}
