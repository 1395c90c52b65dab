package org.kontor.api.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.kontor.api.money.Money;

/**
 * A payment or refund as the provider recorded it.
 *
 * @param gatewayReference the provider's id for it
 * @param redirectUrl      where to send the customer to finish it, or null when nothing is needed of them
 */
public record PaymentTransaction(String gatewayReference, Money amount, Instant at, URI redirectUrl) {

    public PaymentTransaction {
        Objects.requireNonNull(amount, "amount");
    }

    public static PaymentTransaction of(String gatewayReference, Money amount, Instant at) {
        return new PaymentTransaction(gatewayReference, amount, at, null);
    }

    public Optional<URI> redirectUrlIfPresent() {
        return Optional.ofNullable(redirectUrl);
    }
}
