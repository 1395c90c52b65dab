package org.kontor.api;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.Mailer;
import org.kontor.api.payment.PaymentNotifications;
import org.kontor.api.portfolio.DomainPortfolio;
import org.kontor.api.secrets.Secrets;
import org.kontor.api.settings.Settings;
import org.slf4j.Logger;

/**
 * Everything the host hands to one plugin. The host's extension factory passes it to the constructor
 * of every extension ({@code public MyGateway(PluginContext context)}); there is one context per plugin.
 *
 * <p>A plugin keeps its data in its own tables, whose names start with {@link #tablePrefix()}, created by
 * its own Flyway migrations under {@code db/migration/<plugin-id>/}. It never touches the host's tables.
 */
public interface PluginContext {

    /** The plugin's id: also its route prefix ({@code /p/<id>/}), template folder and settings key. */
    String pluginId();

    /** The plugin's own version, from its {@code plugin.properties}. */
    String pluginVersion();

    /** The clock to read the time from; tests replace it. Never call {@code Instant.now()} directly. */
    Clock clock();

    /** The shared database. Open transactions through it; publish events inside them. */
    Jdbi jdbi();

    /** The prefix of every table this plugin owns, e.g. {@code prepaid_account_} for {@code prepaid-account}. */
    default String tablePrefix() {
        return pluginId().replace('-', '_') + "_";
    }

    /** Typed events, written to the outbox in the caller's transaction and delivered after commit. */
    EventPublisher events();

    /** This plugin's settings as last saved by the operator, validated against its {@code SettingsSchema}. */
    Settings settings();

    /** Encryption for secrets the plugin stores in its own tables (API keys, registry passwords). */
    Secrets secrets();

    /** An HTTP client with sensible connect timeouts; give each request its own timeout. */
    HttpClient httpClient();

    /** Sends e-mail through the host's configured mail server. */
    Mailer mailer();

    /** A logger named after the plugin. Never log secrets. */
    Logger logger();

    /** A folder only this plugin writes to, created on first use. */
    Path dataDir();

    /**
     * The host's domains, one customer at a time: list them, find those about to expire, renew one now paid from
     * a funding source, terminate one, switch automatic renewal. Empty on a host that does not offer it.
     *
     * @since 1.1.0
     */
    default Optional<DomainPortfolio> domainPortfolio() {
        return Optional.empty();
    }

    /**
     * Where the plugin's payment gateways report notifications that did not come with a webhook; empty where the host
     * takes no payments.
     *
     * @since 1.5.0
     */
    default Optional<PaymentNotifications> paymentNotifications() {
        return Optional.empty();
    }
}
