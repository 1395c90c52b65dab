package org.kontor.host.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.job.ScheduledJob;
import org.kontor.api.payment.PaymentNotifications;
import org.kontor.host.config.KontorConfig;
import org.kontor.host.db.HostDatabase;
import org.kontor.host.payments.webhooks.PluginNotifications;
import org.kontor.host.payments.webhooks.WebhookInbox;
import org.kontor.host.payments.webhooks.WebhookProcessor;
import org.kontor.host.payments.webhooks.WebhookRoutes;
import org.kontor.host.plugins.Extensions;
import org.kontor.host.risk.RiskAssessor;

/** Payments as the host runs them: the service, the webhook inbox, the janitor and the routes. Built once by the host. */
public final class PaymentsModule {

    private final PaymentsConfig config;
    private final Payments payments;
    private final WebhookInbox inbox;
    private final WebhookProcessor webhooks;
    private final PaymentsJanitor janitor;
    private final PaymentsApi api;
    private final WebhookRoutes webhookRoutes;
    private final PaymentGateways gateways;

    public PaymentsModule(KontorConfig kontorConfig, HostDatabase database, Clock clock, Extensions extensions,
                          PaymentTargets targets, EventPublisher events, ObjectMapper json) {
        this(PaymentsConfig.from(kontorConfig), database, clock, extensions, targets, events, json);
    }

    public PaymentsModule(PaymentsConfig config, HostDatabase database, Clock clock, Extensions extensions,
                          PaymentTargets targets, EventPublisher events, ObjectMapper json) {
        this(config, database, clock, extensions, targets, events, json, RiskAssessor.NONE);
    }

    public PaymentsModule(KontorConfig kontorConfig, HostDatabase database, Clock clock, Extensions extensions,
                          PaymentTargets targets, EventPublisher events, ObjectMapper json, RiskAssessor risk) {
        this(PaymentsConfig.from(kontorConfig), database, clock, extensions, targets, events, json, risk);
    }

    /**
     * @param risk asked before a top-up's payment starts
     */
    public PaymentsModule(PaymentsConfig config, HostDatabase database, Clock clock, Extensions extensions,
                          PaymentTargets targets, EventPublisher events, ObjectMapper json, RiskAssessor risk) {
        this.config = config;
        this.gateways = new PaymentGateways(extensions);
        this.payments = new Payments(new PaymentStore(database.jdbi(), clock), gateways, targets, events, config, risk,
                clock);
        this.inbox = new WebhookInbox(database.jdbi(), json, clock);
        this.webhooks = new WebhookProcessor(inbox, gateways, payments);
        this.janitor = new PaymentsJanitor(payments, inbox, webhooks, clock, config.janitorInterval());
        this.api = new PaymentsApi(payments, inbox, webhooks, json, clock);
        this.webhookRoutes = new WebhookRoutes(inbox, webhooks, gateways);
    }

    /** The payment API and the webhook routes of the gateways running now. */
    public void register(RoutesConfig routes) {
        api.register(routes);
        webhookRoutes.register(routes);
    }

    public List<ScheduledJob> jobs() {
        return List.of(janitor);
    }

    public PaymentsConfig config() {
        return config;
    }

    public Payments payments() {
        return payments;
    }

    public WebhookInbox inbox() {
        return inbox;
    }

    public WebhookProcessor webhooks() {
        return webhooks;
    }

    public PaymentsJanitor janitor() {
        return janitor;
    }

    /** Where the plugin {@code pluginId}'s gateways report notifications that came other than by webhook. */
    public PaymentNotifications notificationsOf(String pluginId) {
        return new PluginNotifications(pluginId, inbox, webhooks, gateways);
    }
}
