package org.kontor.api.payment;

import java.util.Objects;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/** Gives back {@code amount} of the payment the provider knows as {@code gatewayReference}. */
public record RefundRequest(IdempotencyKey key, String gatewayReference, Money amount, String reason) {

    public RefundRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(gatewayReference, "gatewayReference");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be positive, was " + amount);
        }
    }
}
