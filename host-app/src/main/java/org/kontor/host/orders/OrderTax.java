package org.kontor.host.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * The VAT an order charges, decided at checkout by the same rules its invoice applies.
 *
 * @param treatment     DOMESTIC, EU_B2C, REVERSE_CHARGE, EXPORT, or NONE when the order carries no VAT itself (paid
 *                      from a prepaid account, whose VAT the advance tax documents and the monthly settlement account for)
 * @param country       the country whose VAT applies, or null for NONE
 * @param rate          percent
 * @param buyerVatCheck how the buyer's VAT id was checked (VALID, INVALID, UNAVAILABLE, NONE)
 */
public record OrderTax(String treatment, String country, BigDecimal rate, String buyerVatCheck) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public OrderTax {
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(rate, "rate");
        rate = rate.stripTrailingZeros();
    }

    /** No VAT on the order itself. */
    public static OrderTax none() {
        return new OrderTax("NONE", null, BigDecimal.ZERO, "NONE");
    }

    public boolean isNone() {
        return "NONE".equals(treatment);
    }

    /** The VAT on a net amount, rounded half-up to the currency's minor unit, as the invoice line rounds it. */
    public Money vatOn(Money net) {
        return net.times(rate.divide(HUNDRED), RoundingMode.HALF_UP);
    }
}
