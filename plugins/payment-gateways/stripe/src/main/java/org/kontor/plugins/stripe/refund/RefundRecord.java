package org.kontor.plugins.stripe.refund;

import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * A refund as the plugin recorded it.
 *
 * @param paymentReference the reference of the payment it gives back (a session's or a PaymentIntent's id)
 * @param form             the encoded request, sent again as it was under the same key
 * @param refundId         Stripe's id of the refund once known, e.g. {@code re_…}
 */
public record RefundRecord(IdempotencyKey key, String paymentReference, String paymentIntent, String form, Money amount,
                           String refundId, String errorCode, String errorMessage, Instant createdAt) {

    public boolean refused() {
        return errorCode != null;
    }
}
