package org.kontor.api.funding;

import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * The funds do not cover a charge. Nothing was held or charged. {@link #missing()} is how much more is
 * needed; the JSON API answers 402 with it, EPP answers 2104 "Billing failure".
 */
public class InsufficientFundsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Money missing;
    private final transient Money available;

    public InsufficientFundsException(Money missing, Money available) {
        super("insufficient funds: " + Objects.requireNonNull(missing, "missing") + " missing, "
                + Objects.requireNonNull(available, "available") + " available");
        this.missing = missing;
        this.available = available;
    }

    /** How much more the funds need to cover the charge. */
    public Money missing() {
        return missing;
    }

    /** What the funds could pay now, for this kind of charge. */
    public Money available() {
        return available;
    }
}
