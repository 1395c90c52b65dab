package org.kontor.api.funding;

import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * A charge to hold on a customer's funds: the gross amount, its net and tax parts for the tax documents,
 * and what it buys.
 *
 * @param key    the hold's idempotency key; the same key again returns the same hold
 * @param domain the domain it is for, or null for other services
 * @param period the period bought, or null
 */
public record FundingRequest(IdempotencyKey key, String customerId, ChargeKind kind, Money amount, Money net,
                             Money tax, DomainName domain, Period period, String description) {

    public FundingRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be positive, was " + amount);
        }
        net = net == null ? amount : net;
        tax = tax == null ? Money.zero(amount.currency()) : tax;
        if (!net.plus(tax).equals(amount)) {
            throw new IllegalArgumentException("net " + net + " plus tax " + tax + " is not the amount " + amount);
        }
    }

    /** A domain operation without tax split (net = amount). */
    public static FundingRequest domain(IdempotencyKey key, String customerId, ChargeKind kind, Money amount,
                                        DomainName domain, Period period) {
        return new FundingRequest(key, customerId, kind, amount, null, null, domain, period,
                kind.name().toLowerCase().replace('_', ' ') + " " + domain.unicode());
    }
}
