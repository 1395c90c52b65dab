package org.kontor.host.addons;

import java.util.Objects;
import org.kontor.api.money.Money;

/** The price of an add-on for one period of {@code periodMonths} months. */
public record AddonPrice(Money amount, int periodMonths) {

    public AddonPrice {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount: must not be negative, was " + amount);
        }
        if (periodMonths <= 0) {
            throw new IllegalArgumentException("periodMonths: must be positive, was " + periodMonths);
        }
    }
}
