package org.kontor.plugins.epp.response;

import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * The account's figures from Verisign's balance mapping. The frame carries no currency; amounts are in the
 * account currency the registry profile configures (DKK at the .dk registry).
 *
 * @param creditThresholdFixed the low-balance threshold as an amount, or null when given as a percentage
 * @param creditThresholdPercent the low-balance threshold as a percentage, or null when given as an amount
 */
public record BalanceData(Money creditLimit, Money balance, Money availableCredit, Money creditThresholdFixed,
        Integer creditThresholdPercent) implements ResponseData {

    public BalanceData {
        Objects.requireNonNull(creditLimit, "creditLimit");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(availableCredit, "availableCredit");
        if ((creditThresholdFixed == null) == (creditThresholdPercent == null)) {
            throw new IllegalArgumentException("a credit threshold is either an amount or a percentage");
        }
    }
}
