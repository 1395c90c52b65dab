package org.kontor.plugins.stripe.payment;

import static org.kontor.plugins.stripe.api.StripeAnswer.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.plugins.stripe.Amounts;

/** What a Checkout Session or a PaymentIntent as Stripe shows it means for the payment. */
public final class PaymentStates {

    private PaymentStates() {
    }

    /**
     * A Checkout Session (its {@code payment_intent} expanded or not): paid is PROCESSED, open PENDING with its URL,
     * expired CANCELED; completed but unpaid (an asynchronous method such as SEPA debit) follows its PaymentIntent:
     * processing is PENDING, failed ERROR.
     */
    public static Outcome<PaymentTransaction> ofSession(JsonNode session, Money asked) {
        String id = text(session, "id");
        Money amount = amount(session, "amount_total", asked);
        Instant at = Instant.ofEpochSecond(session.path("created").asLong());
        String status = String.valueOf(text(session, "status"));
        if ("paid".equals(text(session, "payment_status"))) {
            return Outcome.processed(PaymentTransaction.of(id, amount, at), id);
        }
        switch (status) {
            case "expired":
                return Outcome.canceled("the Checkout Session " + id + " expired unpaid");
            case "open": {
                String url = text(session, "url");
                return Outcome.pending(new PaymentTransaction(id, amount, at, url == null ? null : URI.create(url)), id,
                        "awaiting the customer on Stripe Checkout");
            }
            case "complete":
                return completedUnpaid(session.path("payment_intent"), id, amount, at);
            default:
                return Outcome.pending(PaymentTransaction.of(id, amount, at), id, "the Checkout Session is " + status);
        }
    }

    private static Outcome<PaymentTransaction> completedUnpaid(JsonNode intent, String id, Money amount, Instant at) {
        PaymentTransaction transaction = PaymentTransaction.of(id, amount, at);
        String status = intent.isObject() ? String.valueOf(text(intent, "status")) : "processing";
        return switch (status) {
            case "succeeded" -> Outcome.processed(transaction, id);
            case "requires_payment_method", "canceled" -> failed(intent);
            default -> Outcome.pending(transaction, id, "the payment is processing at Stripe (" + status + ")");
        };
    }

    /** A PaymentIntent confirmed by Kontor with a saved payment method. */
    public static Outcome<PaymentTransaction> ofIntent(JsonNode intent, Money asked) {
        String id = text(intent, "id");
        Money amount = amount(intent, "amount", asked);
        Instant at = Instant.ofEpochSecond(intent.path("created").asLong());
        String status = String.valueOf(text(intent, "status"));
        return switch (status) {
            case "succeeded" -> Outcome.processed(PaymentTransaction.of(id, amount, at), id);
            case "canceled" -> Outcome.canceled("the PaymentIntent " + id + " was canceled");
            case "requires_payment_method" -> failed(intent);
            case "requires_action" -> {
                String url = text(intent.path("next_action").path("redirect_to_url"), "url");
                yield Outcome.pending(new PaymentTransaction(id, amount, at, url == null ? null : URI.create(url)), id,
                        "the customer's bank asks the customer to confirm the payment");
            }
            default -> Outcome.pending(PaymentTransaction.of(id, amount, at), id, "the payment is " + status + " at Stripe");
        };
    }

    private static Outcome<PaymentTransaction> failed(JsonNode intent) {
        JsonNode error = intent.path("last_payment_error");
        String code = text(error, "code");
        String decline = text(error, "decline_code");
        String message = text(error, "message");
        return Outcome.error(code == null ? "payment_failed" : code,
                (message == null ? "the payment failed" : message) + (decline == null ? "" : " (" + decline + ")"));
    }

    /** The amount Stripe names in {@code field} with the object's currency, else what was asked for. */
    static Money amount(JsonNode object, String field, Money asked) {
        JsonNode value = object.path(field);
        String currency = text(object, "currency");
        return value.isIntegralNumber() && currency != null ? Amounts.fromStripe(value.asLong(), currency) : asked;
    }
}
