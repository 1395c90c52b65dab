package org.kontor.host.payments.webhooks;

import java.util.List;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentNotifications;
import org.kontor.host.payments.PaymentGateways;

/**
 * A gateway plugin's own reports (a return file an operator uploaded), taken like webhooks: stored in the inbox first,
 * then applied once per notification id, and replayable from the inbox.
 */
public final class PluginNotifications implements PaymentNotifications {

    private final String pluginId;
    private final WebhookInbox inbox;
    private final WebhookProcessor processor;
    private final PaymentGateways gateways;

    public PluginNotifications(String pluginId, WebhookInbox inbox, WebhookProcessor processor, PaymentGateways gateways) {
        this.pluginId = pluginId;
        this.inbox = inbox;
        this.processor = processor;
        this.gateways = gateways;
    }

    @Override
    public void report(String gatewayId, List<PaymentNotification> notifications) {
        if (gateways.ofPlugin(pluginId).stream().noneMatch(g -> g.gatewayId().equals(gatewayId))) {
            throw new IllegalArgumentException("gateway " + gatewayId + " is not one of plugin " + pluginId);
        }
        if (notifications.isEmpty()) {
            return;
        }
        InboxEntry entry = inbox.report(pluginId, new PluginReport(gatewayId, notifications).write());
        processor.process(entry);
    }
}
