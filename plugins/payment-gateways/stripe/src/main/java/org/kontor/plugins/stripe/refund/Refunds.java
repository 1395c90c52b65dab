package org.kontor.plugins.stripe.refund;

import static org.kontor.plugins.stripe.api.StripeAnswer.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.plugins.stripe.Amounts;
import org.kontor.plugins.stripe.api.Form;
import org.kontor.plugins.stripe.api.StripeAnswer;
import org.kontor.plugins.stripe.api.StripeApi;
import org.kontor.plugins.stripe.api.StripeUnavailableException;
import org.kontor.plugins.stripe.payment.CheckoutRecord;
import org.kontor.plugins.stripe.payment.Purchases;
import org.slf4j.Logger;

/**
 * Refunds through {@code POST /v1/refunds} of the payment's PaymentIntent, recorded under the host's key before they
 * are sent and sent with it as Idempotency-Key: the same key twice is one refund.
 */
public final class Refunds {

    private static final Duration REPLAY_WINDOW = Duration.ofHours(23);

    private final RefundStore store;
    private final Purchases purchases;
    private final StripeApi api;
    private final Clock clock;
    private final Logger log;

    public Refunds(RefundStore store, Purchases purchases, StripeApi api, Clock clock, Logger log) {
        this.store = store;
        this.purchases = purchases;
        this.api = api;
        this.clock = clock;
        this.log = log;
    }

    public Outcome<PaymentTransaction> refund(RefundRequest request) {
        Optional<RefundRecord> earlier = store.byKey(request.key());
        if (earlier.isPresent()) {
            return again(earlier.get(), request);
        }
        Optional<CheckoutRecord> payment = payment(request.gatewayReference());
        if (payment.isEmpty() || payment.get().reference() == null) {
            return unknownPayment(request.gatewayReference());
        }
        CheckoutRecord paid = payment.get();
        if (!paid.amount().currency().equals(request.amount().currency())) {
            return Outcome.error("currency", "payment " + paid.reference() + " is in " + paid.amount().currencyCode()
                    + ", not " + request.amount().currencyCode());
        }
        Optional<String> intent;
        try {
            intent = purchases.paymentIntentOf(paid);
        } catch (StripeUnavailableException e) {
            return Outcome.undefined(e.getMessage());
        }
        if (intent.isEmpty()) {
            return Outcome.error("not-paid", "payment " + paid.reference() + " was not paid");
        }
        String form;
        try {
            form = new Form().add("payment_intent", intent.get()).add("amount", Amounts.toStripe(request.amount()))
                    .add("metadata[" + Purchases.KEY_FIELD + "]", request.key().value())
                    .add("metadata[kontor_payment]", paid.reference())
                    .add("metadata[kontor_reason]", limit(request.reason())).encode();
        } catch (IllegalArgumentException e) {
            return Outcome.error("invalid-request", e.getMessage());
        }
        if (!store.insert(request.key(), paid.reference(), intent.get(), form, request.amount())) {
            return again(store.byKey(request.key()).orElseThrow(), request);
        }
        return send(store.byKey(request.key()).orElseThrow());
    }

    private Outcome<PaymentTransaction> again(RefundRecord record, RefundRequest request) {
        if (!record.amount().equals(request.amount())) {
            return Outcome.error("idempotency-key-reused", "the key " + request.key() + " was used for a refund of "
                    + record.amount() + " of " + record.paymentReference());
        }
        return status(record);
    }

    /** What became of a recorded refund, asking Stripe. */
    public Outcome<PaymentTransaction> status(RefundRecord record) {
        if (record.refused()) {
            return Outcome.error(record.errorCode(), record.errorMessage());
        }
        try {
            if (record.refundId() != null) {
                StripeAnswer answer = api.get("/v1/refunds/" + record.refundId(), null);
                return answer.ok() ? learn(record, answer.body())
                        : Outcome.undefined("Stripe did not show " + record.refundId() + ": " + answer.errorCode());
            }
            if (!clock.instant().isBefore(record.createdAt().plus(REPLAY_WINDOW))) {
                // Stripe may have forgotten the key: look for the refund before sending the request anew
                StripeAnswer listed = api.get("/v1/refunds", new Form().add("payment_intent", record.paymentIntent())
                        .add("limit", 100));
                if (!listed.ok()) {
                    return Outcome.undefined("Stripe did not list the refunds of " + record.paymentIntent());
                }
                for (JsonNode refund : listed.body().path("data")) {
                    if (record.key().value().equals(text(refund.path("metadata"), Purchases.KEY_FIELD))) {
                        return learn(record, refund);
                    }
                }
            }
        } catch (StripeUnavailableException e) {
            return Outcome.undefined(e.getMessage());
        }
        return send(record);
    }

    private Outcome<PaymentTransaction> send(RefundRecord record) {
        StripeAnswer answer;
        try {
            answer = api.post("/v1/refunds", record.form(), record.key());
        } catch (StripeUnavailableException e) {
            log.warn("Stripe did not answer the refund under {}: {}", record.key(), e.getMessage());
            return Outcome.undefined(e.getMessage());
        }
        if (!answer.ok()) {
            store.refused(record.key(), answer.errorCode(), answer.errorMessage());
            return Outcome.error(answer.errorCode(), answer.errorMessage());
        }
        return learn(record, answer.body());
    }

    private Outcome<PaymentTransaction> learn(RefundRecord record, JsonNode refund) {
        store.learnt(record.key(), text(refund, "id"));
        return ofRefund(refund, record.amount());
    }

    /** A refund as Stripe shows it: succeeded PROCESSED, pending PENDING, failed ERROR, canceled CANCELED. */
    public static Outcome<PaymentTransaction> ofRefund(JsonNode refund, Money asked) {
        String id = text(refund, "id");
        String currency = text(refund, "currency");
        Money amount = refund.path("amount").isIntegralNumber() && currency != null
                ? Amounts.fromStripe(refund.path("amount").asLong(), currency) : asked;
        PaymentTransaction transaction = PaymentTransaction.of(id, amount,
                Instant.ofEpochSecond(refund.path("created").asLong()));
        String status = String.valueOf(text(refund, "status"));
        return switch (status) {
            case "succeeded" -> Outcome.processed(transaction, id);
            case "failed" -> Outcome.error(Optional.ofNullable(text(refund, "failure_reason")).orElse("refund_failed"),
                    "Stripe could not make refund " + id);
            case "canceled" -> Outcome.canceled("refund " + id + " was canceled");
            default -> Outcome.pending(transaction, id, "the refund is " + status + " at Stripe");
        };
    }

    /**
     * A refund of a payment Kontor has no record of: refused, but only once Stripe confirmed it does not know it
     * either (while Stripe cannot be asked, nothing is known). A payment Stripe knows that Kontor did not make is
     * refunded in Stripe's Dashboard.
     */
    private Outcome<PaymentTransaction> unknownPayment(String reference) {
        String path = (reference.startsWith("pi_") ? "/v1/payment_intents/" : "/v1/checkout/sessions/")
                + URLEncoder.encode(reference, StandardCharsets.UTF_8);
        StripeAnswer answer;
        try {
            answer = api.get(path, null);
        } catch (StripeUnavailableException e) {
            return Outcome.undefined(e.getMessage());
        }
        if (answer.ok()) {
            return Outcome.error("not-made-through-kontor", "Stripe payment " + reference + " was not made through "
                    + "Kontor; refund it in the Stripe Dashboard");
        }
        if (answer.status() != 404) {
            return Outcome.undefined("Stripe did not say whether it knows " + reference + ": " + answer.errorCode());
        }
        return Outcome.error("unknown-payment", "Stripe knows no payment " + reference);
    }

    /** The payment a refund names: by its reference, or by its key when the host knew no reference. */
    private Optional<CheckoutRecord> payment(String reference) {
        Optional<CheckoutRecord> found = purchases.store().byReference(reference);
        if (found.isPresent()) {
            return found;
        }
        try {
            return purchases.store().byKey(IdempotencyKey.of(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String limit(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
