package org.kontor.plugins.stripe.webhook;

import static org.kontor.plugins.stripe.api.StripeAnswer.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.plugins.stripe.Amounts;
import org.kontor.plugins.stripe.api.Form;
import org.kontor.plugins.stripe.api.StripeAnswer;
import org.kontor.plugins.stripe.api.StripeApi;
import org.kontor.plugins.stripe.api.StripeUnavailableException;
import org.kontor.plugins.stripe.payment.CheckoutRecord;
import org.kontor.plugins.stripe.payment.Purchases;
import org.kontor.plugins.stripe.refund.RefundRecord;
import org.kontor.plugins.stripe.refund.RefundStore;

/**
 * What a Stripe event means for Kontor's payments. A notification's id is the event's id (Stripe sends an event
 * again with the same id). Events about objects Kontor did not create (another integration on the same account) and
 * event types with no effect on money give no notification: they are accepted and nothing is done.
 *
 * <ul>
 *   <li>{@code checkout.session.completed}: paid is PROCESSED; unpaid (an asynchronous method) PENDING;</li>
 *   <li>{@code checkout.session.async_payment_succeeded} PROCESSED, {@code …async_payment_failed} ERROR,
 *       {@code checkout.session.expired} CANCELED;</li>
 *   <li>{@code payment_intent.succeeded} PROCESSED; {@code payment_intent.payment_failed} ERROR, but for a Checkout
 *       Session that is still open nothing (the customer may try another card);</li>
 *   <li>{@code charge.succeeded} PROCESSED with the fingerprint of the card ({@code payment_method_details.card
 *       .fingerprint}), so that risk checks see the same card again; a PaymentIntent's event names the fingerprint
 *       too when its {@code latest_charge} is expanded;</li>
 *   <li>{@code refund.*} and {@code charge.refunded} settle Kontor's refunds (referenced by the refund's id); a refund
 *       made in Stripe's Dashboard is a reversal of the payment, once per refund ({@code refund:<id>});</li>
 *   <li>{@code charge.dispute.closed} lost is a reversal of the disputed amount; a dispute opened or won moves no
 *       money for Kontor.</li>
 * </ul>
 */
public final class StripeEvents {

    /** The reason given for a refund made at Stripe rather than through Kontor. */
    public static final String REFUNDED_AT_STRIPE = "refunded-at-stripe";

    private final Purchases purchases;
    private final RefundStore refunds;
    private final StripeApi api;

    public StripeEvents(Purchases purchases, RefundStore refunds, StripeApi api) {
        this.purchases = purchases;
        this.refunds = refunds;
        this.api = api;
    }

    /**
     * @param event a verified event ({@code id}, {@code type}, {@code data.object})
     * @throws StripeUnavailableException when Stripe had to be asked about the event's payment and did not answer
     */
    public List<PaymentNotification> read(JsonNode event) throws StripeUnavailableException {
        String id = text(event, "id");
        JsonNode object = event.path("data").path("object");
        return switch (String.valueOf(text(event, "type"))) {
            case "checkout.session.completed" -> switch (String.valueOf(text(object, "payment_status"))) {
                case "paid" -> session(id, object, OutcomeStatus.PROCESSED);
                case "unpaid" -> session(id, object, OutcomeStatus.PENDING);
                default -> List.of();
            };
            case "checkout.session.async_payment_succeeded" -> session(id, object, OutcomeStatus.PROCESSED);
            case "checkout.session.async_payment_failed" -> session(id, object, OutcomeStatus.ERROR);
            case "checkout.session.expired" -> session(id, object, OutcomeStatus.CANCELED);
            case "payment_intent.succeeded" -> intentSucceeded(id, object);
            case "payment_intent.payment_failed" -> intentFailed(id, object);
            case "payment_intent.canceled" -> intentCanceled(id, object);
            case "charge.succeeded" -> chargeSucceeded(id, object);
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" -> refund(id, object);
            case "charge.refunded" -> chargeRefunded(id, object);
            case "charge.dispute.closed" -> disputeClosed(id, object);
            default -> List.of();
        };
    }

    private List<PaymentNotification> session(String eventId, JsonNode session, OutcomeStatus status) {
        Optional<CheckoutRecord> record = purchases.byKeyIn(session.path("metadata"));
        String sessionId = text(session, "id");
        if (record.isEmpty() || sessionId == null) {
            return List.of();
        }
        purchases.store().learnt(record.get().key(), sessionId, Purchases.intentId(session.path("payment_intent")), null);
        Money amount = status == OutcomeStatus.PROCESSED ? amount(session, "amount_total") : null;
        return List.of(new PaymentNotification(eventId, sessionId, status, amount));
    }

    private List<PaymentNotification> intentSucceeded(String eventId, JsonNode intent) {
        Optional<CheckoutRecord> record = intentRecord(intent);
        if (record.isEmpty() || record.get().reference() == null) {
            return List.of();
        }
        Money amount = amount(intent, intent.has("amount_received") ? "amount_received" : "amount");
        return List.of(new PaymentNotification(eventId, record.get().reference(), OutcomeStatus.PROCESSED, amount)
                .withCardFingerprint(cardFingerprint(intent.path("latest_charge"))));
    }

    /** A card charge of a purchase succeeded: PROCESSED, naming the card's fingerprint. */
    private List<PaymentNotification> chargeSucceeded(String eventId, JsonNode charge) {
        if (!"succeeded".equals(text(charge, "status")) || !charge.path("paid").asBoolean(false)) {
            return List.of();
        }
        Optional<CheckoutRecord> record = purchases.byKeyIn(charge.path("metadata"));
        String intentId = text(charge, "payment_intent");
        if (record.isEmpty() && intentId != null) {
            record = purchases.store().byPaymentIntent(intentId);
        }
        if (record.isEmpty() || record.get().reference() == null) {
            return List.of();
        }
        Money amount = amount(charge, charge.hasNonNull("amount_captured") ? "amount_captured" : "amount");
        return List.of(new PaymentNotification(eventId, record.get().reference(), OutcomeStatus.PROCESSED, amount)
                .withCardFingerprint(cardFingerprint(charge)));
    }

    /** The fingerprint of the card a charge was made with, or null (another method, or the charge is only an id). */
    static String cardFingerprint(JsonNode charge) {
        return charge.isObject() ? text(charge.path("payment_method_details").path("card"), "fingerprint") : null;
    }

    private List<PaymentNotification> intentFailed(String eventId, JsonNode intent) throws StripeUnavailableException {
        Optional<CheckoutRecord> record = intentRecord(intent);
        if (record.isEmpty() || record.get().reference() == null) {
            return List.of();
        }
        CheckoutRecord payment = record.get();
        if (payment.kind() == CheckoutRecord.Kind.INTENT) {
            return List.of(new PaymentNotification(eventId, payment.reference(), OutcomeStatus.ERROR, null));
        }
        // a card declined on the Checkout page: the customer may still pay with another while the session is open
        StripeAnswer session = api.get("/v1/checkout/sessions/" + payment.sessionId(), null);
        if (!session.ok()) {
            throw new StripeUnavailableException("Stripe did not show " + payment.sessionId() + ": " + session.errorCode());
        }
        return switch (String.valueOf(text(session.body(), "status"))) {
            case "complete" -> "paid".equals(text(session.body(), "payment_status")) ? List.of()
                    : List.of(new PaymentNotification(eventId, payment.reference(), OutcomeStatus.ERROR, null));
            case "expired" -> List.of(new PaymentNotification(eventId, payment.reference(), OutcomeStatus.CANCELED, null));
            default -> List.of();
        };
    }

    private List<PaymentNotification> intentCanceled(String eventId, JsonNode intent) {
        Optional<CheckoutRecord> record = intentRecord(intent);
        if (record.isEmpty() || record.get().kind() != CheckoutRecord.Kind.INTENT || record.get().reference() == null) {
            return List.of();
        }
        return List.of(new PaymentNotification(eventId, record.get().reference(), OutcomeStatus.CANCELED, null));
    }

    /** The purchase of a PaymentIntent in an event: by the key in its metadata, else by its id. */
    private Optional<CheckoutRecord> intentRecord(JsonNode intent) {
        String intentId = text(intent, "id");
        Optional<CheckoutRecord> record = purchases.byKeyIn(intent.path("metadata"));
        if (record.isPresent()) {
            purchases.store().learnt(record.get().key(), null, intentId, null);
            return purchases.store().byKey(record.get().key());
        }
        return intentId == null ? Optional.empty() : purchases.store().byPaymentIntent(intentId);
    }

    private List<PaymentNotification> refund(String notificationId, JsonNode refund) throws StripeUnavailableException {
        String refundId = text(refund, "id");
        String status = String.valueOf(text(refund, "status"));
        String key = text(refund.path("metadata"), Purchases.KEY_FIELD);
        Optional<RefundRecord> record = key == null ? Optional.empty() : ourRefund(key);
        if (refundId == null) {
            return List.of();
        }
        if (record.isPresent()) {
            refunds.learnt(record.get().key(), refundId);
            return switch (status) {
                case "succeeded" -> List.of(new PaymentNotification(notificationId, refundId, OutcomeStatus.PROCESSED,
                        amount(refund, "amount")));
                case "failed" -> List.of(new PaymentNotification(notificationId, refundId, OutcomeStatus.ERROR, null));
                case "canceled" -> List.of(new PaymentNotification(notificationId, refundId, OutcomeStatus.CANCELED, null));
                default -> List.of();
            };
        }
        if (key != null || !status.equals("succeeded")) {
            return List.of();
        }
        // made in the Dashboard, not through Kontor: the money left all the same
        Optional<CheckoutRecord> payment = purchases.byPaymentIntent(text(refund, "payment_intent"));
        if (payment.isEmpty() || payment.get().reference() == null) {
            return List.of();
        }
        return List.of(PaymentNotification.reversal("refund:" + refundId, payment.get().reference(),
                amount(refund, "amount"), REFUNDED_AT_STRIPE));
    }

    private Optional<RefundRecord> ourRefund(String key) {
        try {
            return refunds.byKey(IdempotencyKey.of(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Each refund of the charge; Stripe lists them in the charge only for API versions before 2022-11-15. */
    private List<PaymentNotification> chargeRefunded(String eventId, JsonNode charge) throws StripeUnavailableException {
        JsonNode listed = charge.path("refunds").path("data");
        if (!listed.isArray()) {
            String chargeId = text(charge, "id");
            if (chargeId == null) {
                return List.of();
            }
            StripeAnswer answer = api.get("/v1/refunds", new Form().add("charge", chargeId).add("limit", 100));
            if (!answer.ok()) {
                throw new StripeUnavailableException("Stripe did not list the refunds of " + chargeId + ": "
                        + answer.errorCode());
            }
            listed = answer.body().path("data");
        }
        List<PaymentNotification> notifications = new ArrayList<>();
        for (JsonNode refund : listed) {
            String refundId = text(refund, "id");
            notifications.addAll(refund(eventId + ":" + refundId, refund));
        }
        return notifications;
    }

    private List<PaymentNotification> disputeClosed(String eventId, JsonNode dispute) throws StripeUnavailableException {
        if (!"lost".equals(text(dispute, "status"))) {
            return List.of();
        }
        Optional<CheckoutRecord> payment = purchases.byPaymentIntent(text(dispute, "payment_intent"));
        if (payment.isEmpty() || payment.get().reference() == null) {
            return List.of();
        }
        return List.of(PaymentNotification.reversal(eventId, payment.get().reference(), amount(dispute, "amount"),
                text(dispute, "reason")));
    }

    private static Money amount(JsonNode object, String field) {
        String currency = text(object, "currency");
        JsonNode value = object.path(field);
        return currency == null || !value.isIntegralNumber() ? null : Amounts.fromStripe(value.asLong(), currency);
    }
}
