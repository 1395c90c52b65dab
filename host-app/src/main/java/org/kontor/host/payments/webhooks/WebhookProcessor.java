package org.kontor.host.payments.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.host.payments.Payment;
import org.kontor.host.payments.PaymentGateways;
import org.kontor.host.payments.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes a stored webhook request: the gateway verifies and reads it ({@link PaymentGateway#handleWebhook}), each
 * notification is recorded once under (gateway, provider event id) together with the payment's conditional status
 * change, and a processed payment's effect is carried out after the commit. Processing a row again is harmless: its
 * events are recorded already and the payment's status changes only from PENDING or UNDEFINED.
 */
public final class WebhookProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);

    private final WebhookInbox inbox;
    private final PaymentGateways gateways;
    private final Payments payments;

    public WebhookProcessor(WebhookInbox inbox, PaymentGateways gateways, Payments payments) {
        this.inbox = inbox;
        this.gateways = gateways;
        this.payments = payments;
    }

    /** Processes (or processes again) one inbox row; its new state. */
    public InboxState process(String inboxId) {
        return process(inbox.find(inboxId).orElseThrow(() -> new IllegalArgumentException("no webhook " + inboxId)));
    }

    /** Processes a row as it was just stored (or read). */
    public InboxState process(InboxEntry entry) {
        String inboxId = entry.id();
        List<PaymentGateway> candidates = gateways.ofPlugin(entry.gateway());
        if (candidates.isEmpty()) {
            inbox.finish(inboxId, InboxState.FAILED, "no running payment gateway in plugin " + entry.gateway());
            return InboxState.FAILED;
        }
        List<PaymentNotification> notifications = null;
        PaymentGateway gateway = null;
        if (entry.origin() == InboxOrigin.PLUGIN) {
            try {
                PluginReport report = PluginReport.read(entry.body());
                gateway = candidates.stream().filter(g -> g.gatewayId().equals(report.gatewayId())).findFirst()
                        .orElse(null);
                notifications = report.notifications();
            } catch (IllegalArgumentException e) {
                inbox.finish(inboxId, InboxState.REJECTED, e.getMessage());
                return InboxState.REJECTED;
            }
            if (gateway == null) {
                inbox.finish(inboxId, InboxState.REJECTED, "the gateway is not one of plugin " + entry.gateway());
                return InboxState.REJECTED;
            }
        } else {
            WebhookRequest request = new WebhookRequest(entry.headers(), entry.body(), entry.remoteAddress());
            String rejection = null;
            for (PaymentGateway candidate : candidates) {
                try {
                    notifications = candidate.handleWebhook(request);
                    gateway = candidate;
                    break;
                } catch (WebhookRejectedException e) {
                    rejection = e.getMessage();
                } catch (RuntimeException e) {
                    LOG.warn("Gateway {} failed to read webhook {}", candidate.gatewayId(), inboxId, e);
                    inbox.finish(inboxId, InboxState.FAILED, "the gateway failed to read it: " + e);
                    return InboxState.FAILED;
                }
            }
            if (gateway == null) {
                inbox.finish(inboxId, InboxState.REJECTED, rejection);
                return InboxState.REJECTED;
            }
        }
        if (notifications != null && notifications.size() == 1) {
            // the usual case: the row's end state is written with the event, one commit less
            try {
                apply(gateway.gatewayId(), notifications.get(0), inboxId, true);
                return InboxState.PROCESSED;
            } catch (RuntimeException e) {
                inbox.finish(inboxId, InboxState.FAILED, notifications.get(0).notificationId() + ": " + e.getMessage());
                return InboxState.FAILED;
            }
        }
        List<String> problems = new ArrayList<>();
        for (PaymentNotification notification : notifications == null ? List.<PaymentNotification>of() : notifications) {
            try {
                apply(gateway.gatewayId(), notification, inboxId, false);
            } catch (RuntimeException e) {
                problems.add(notification.notificationId() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            inbox.finish(inboxId, InboxState.FAILED, String.join("; ", problems));
            return InboxState.FAILED;
        }
        inbox.finish(inboxId, InboxState.PROCESSED, null);
        return InboxState.PROCESSED;
    }

    private enum Recorded {
        /** Recorded and its effect carried out in the same transaction. */
        DONE,
        APPLIED, IGNORED, DUPLICATE
    }

    /**
     * @param finish whether to mark the inbox row PROCESSED in the event's transaction (when it holds this notification
     *               only); should carrying out the effect fail after that commit, the janitor does it later
     */
    private void apply(String gatewayId, PaymentNotification notification, String inboxId, boolean finish) {
        Optional<Payment> found = payments.store().findByReference(gatewayId, notification.gatewayReference());
        if (found.isEmpty()) {
            // perhaps it arrived before the purchase's answer was recorded: kept FAILED, tried again by the janitor
            throw new IllegalStateException("no payment with reference " + notification.gatewayReference());
        }
        Payment payment = found.get();
        if (notification.isReversal()) {
            applyReversal(gatewayId, notification, inboxId, finish, payment);
            return;
        }
        if (notification.amount() != null && !notification.amount().equals(payment.amount())) {
            throw new IllegalStateException("the notification confirms " + notification.amount() + ", payment "
                    + payment.id() + " is of " + payment.amount());
        }
        Recorded recorded = inbox.jdbi().inTransaction(h -> {
            if (finish) {
                inbox.finish(h, inboxId, InboxState.PROCESSED, null);
            }
            if (!inbox.recordEvent(h, gatewayId, notification.notificationId(), inboxId, payment.id(),
                    notification.status().name(), "APPLIED")) {
                return Recorded.DUPLICATE;
            }
            if (!payments.recordNotification(h, payment, notification.status(), notification.gatewayReference(),
                    notification.cardFingerprint())) {
                inbox.markIgnored(h, gatewayId, notification.notificationId());
                return Recorded.IGNORED;
            }
            return payments.applyWithin(h, payment.settledAs(notification.status(), notification.gatewayReference(),
                    notification.cardFingerprint())) ? Recorded.DONE : Recorded.APPLIED;
        });
        if (recorded == Recorded.APPLIED && notification.status() == OutcomeStatus.PROCESSED) {
            // this transaction made it PROCESSED, so nobody applied it yet; the applied flag still decides once
            payments.apply(payment.settledAs(OutcomeStatus.PROCESSED, notification.gatewayReference(),
                    notification.cardFingerprint()));
        } else if (recorded == Recorded.IGNORED && notification.status() == OutcomeStatus.PROCESSED) {
            payments.apply(payment.id());
        }
    }

    /**
     * A provider took money of a payment back. On a processed payment it is booked as a reversal (once per
     * notification id, never beyond what is left of the payment); on a payment still open it means the payment failed.
     */
    private void applyReversal(String gatewayId, PaymentNotification notification, String inboxId, boolean finish,
                               Payment payment) {
        String[] reversal = new String[1];
        inbox.jdbi().useTransaction(h -> {
            if (finish) {
                inbox.finish(h, inboxId, InboxState.PROCESSED, null);
            }
            if (!inbox.recordEvent(h, gatewayId, notification.notificationId(), inboxId, payment.id(), "REVERSED",
                    "APPLIED")) {
                return;
            }
            Payment current = payments.store().find(h, payment.id()).orElseThrow();
            if (current.status().isUnsettled()) {
                payments.recordNotification(h, current, OutcomeStatus.ERROR, null);
                return;
            }
            reversal[0] = payments.recordReversal(h, current, notification, gatewayId).orElse(null);
            if (reversal[0] == null) {
                inbox.markIgnored(h, gatewayId, notification.notificationId());
            }
        });
        if (reversal[0] != null) {
            payments.apply(reversal[0]);
        }
    }
}
