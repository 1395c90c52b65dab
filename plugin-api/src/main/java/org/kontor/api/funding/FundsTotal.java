package org.kontor.api.funding;

import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * What the customers' accounts of a funding source hold together in one currency: the balances summed, the part of
 * them held for operations in flight, and how many accounts there are.
 *
 * @since 1.6.0
 */
public record FundsTotal(Money balance, Money held, int accounts) {

    public FundsTotal {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(held, "held");
        if (!balance.currency().equals(held.currency())) {
            throw new IllegalArgumentException("held: must be in " + balance.currencyCode() + ", was " + held.currencyCode());
        }
        if (accounts < 0) {
            throw new IllegalArgumentException("accounts: must not be negative, was " + accounts);
        }
    }
}
