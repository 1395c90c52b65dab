package org.kontor.host.vouchers;

import java.math.BigDecimal;
import java.util.Objects;
import org.kontor.api.money.Money;

/** What a voucher takes off: a percentage of each eligible line, or an amount off the order. */
public sealed interface Discount permits Discount.Percent, Discount.Amount {

    /**
     * A percentage, more than 0 and at most 100 with at most two decimals ({@code 12.5}); each eligible line is
     * reduced by it, rounded half-even to the currency's minor unit.
     */
    record Percent(BigDecimal percent) implements Discount {
        public Percent {
            Objects.requireNonNull(percent, "percent");
            percent = percent.stripTrailingZeros();
            if (percent.scale() < 0) {
                percent = percent.setScale(0);
            }
        }
    }

    /**
     * An amount in one currency, spread over the eligible lines in their order: each line is reduced by what is left
     * of it, never below zero; what the lines cannot take is lost.
     */
    record Amount(Money amount) implements Discount {
        public Amount {
            Objects.requireNonNull(amount, "amount");
        }
    }

    static Discount percent(String percent) {
        return new Percent(new BigDecimal(percent));
    }

    static Discount amount(String amount, String currency) {
        return new Amount(Money.of(amount, currency));
    }
}
