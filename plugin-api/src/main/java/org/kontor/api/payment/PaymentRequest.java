package org.kontor.api.payment;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * A payment to take.
 *
 * @param reference   what the payment is for in Kontor (an invoice number, a top-up id), shown to the customer
 * @param customerId  Kontor's customer id
 * @param returnUrl   where the provider sends the customer back after a redirect (may be null)
 * @param cancelUrl   where the provider sends the customer who gives up (may be null)
 * @param metadata    further provider-specific fields (a stored mandate id, a saved card token)
 */
public record PaymentRequest(
        IdempotencyKey key,
        Money amount,
        PaymentMethodType method,
        String reference,
        String description,
        String customerId,
        URI returnUrl,
        URI cancelUrl,
        Map<String, String> metadata) {

    public PaymentRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reference, "reference");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be positive, was " + amount);
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static PaymentRequest of(IdempotencyKey key, Money amount, PaymentMethodType method, String reference,
                                    String description, String customerId) {
        return new PaymentRequest(key, amount, method, reference, description, customerId, null, null, Map.of());
    }
}
