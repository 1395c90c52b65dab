package org.kontor.plugins.stripe.payment;

import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * A purchase as the plugin recorded it.
 *
 * @param form          the encoded request, sent again as it was under the same key
 * @param sessionId     the Checkout Session's id, once Stripe answered (kind SESSION)
 * @param paymentIntent the PaymentIntent's id, once known (a session has one only after the customer paid)
 * @param errorCode     Stripe's code when it refused the request, else null
 */
public record CheckoutRecord(IdempotencyKey key, Kind kind, String form, Money amount, String sessionId,
                             String paymentIntent, String redirectUrl, String errorCode, String errorMessage,
                             Instant createdAt) {

    /** What the purchase created at Stripe. */
    public enum Kind {
        /** A Checkout Session: the customer pays on Stripe's page. */
        SESSION,
        /** A PaymentIntent confirmed at once with the customer's saved payment method. */
        INTENT
    }

    /** The payment's reference as Kontor knows it: the session's id, or the PaymentIntent's; null before Stripe answered. */
    public String reference() {
        return kind == Kind.SESSION ? sessionId : paymentIntent;
    }

    public boolean refused() {
        return errorCode != null;
    }
}
