package org.kontor.api.registry;

import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * The registrar's prepaid account at a registry, in the four figures of Verisign's balance mapping (which
 * the .dk registry uses): what is left, how far the registry lets it go below zero, what can still be
 * spent, and the threshold under which the operator wants to be warned.
 *
 * @param balance              the account balance; negative when credit is in use
 * @param creditLimit          how far below zero the registry lets the balance go
 * @param availableCredit      what can still be spent: balance plus credit limit
 * @param lowBalanceThreshold  the warning threshold as an amount, or null when the registry sets none
 */
public record RegistryBalance(Money balance, Money creditLimit, Money availableCredit, Money lowBalanceThreshold) {

    public RegistryBalance {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(creditLimit, "creditLimit");
        Objects.requireNonNull(availableCredit, "availableCredit");
    }

    /** A registry that reports only a balance: no credit, no threshold. */
    public static RegistryBalance ofBalance(Money balance) {
        return new RegistryBalance(balance, Money.zero(balance.currency()), balance, null);
    }

    /** True when a threshold is set and what can still be spent has fallen to it or below. */
    public boolean isLow() {
        return lowBalanceThreshold != null && availableCredit.compareTo(lowBalanceThreshold) <= 0;
    }
}
