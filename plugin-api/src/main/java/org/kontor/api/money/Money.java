package org.kontor.api.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, always at the currency's scale (2 for EUR and DKK, 0 for JPY).
 *
 * <p>No floating point anywhere: amounts are {@link BigDecimal}s, stored as minor units ({@code long})
 * with the currency code. Arithmetic between two currencies throws; rounding happens only where the
 * caller names a {@link RoundingMode}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /**
     * @throws IllegalArgumentException if the amount has more decimals than the currency allows
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = scaleOf(currency);
        if (amount.scale() > scale && amount.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(
                    "%s has more than %d decimals for %s".formatted(amount.toPlainString(), scale, currency));
        }
        if (amount.scale() != scale) {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        }
    }

    /** {@code Money.of("129.50", "DKK")}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    /** An exact amount; throws if it has more decimals than the currency allows. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** An amount rounded to the currency's scale with the given rule. */
    public static Money rounded(BigDecimal amount, Currency currency, RoundingMode rounding) {
        return new Money(amount.setScale(scaleOf(currency), rounding), currency);
    }

    /** From minor units as stored in the database: {@code ofMinor(12950, DKK)} is 129.50 DKK. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, scaleOf(currency)), currency);
    }

    public static Money zero(Currency currency) {
        return ofMinor(0, currency);
    }

    /** The amount in minor units, for storage as BIGINT. */
    public long toMinorUnits() {
        return amount.movePointRight(scaleOf(currency)).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Multiplies by a factor (a quantity, a tax rate) and rounds to the currency's scale. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return rounded(amount.multiply(factor), currency, rounding);
    }

    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** The currency code, e.g. {@code DKK}. */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** {@code 129.50 DKK}: plain digits, no grouping; format for people in the web layer. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private Money sameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    private static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return Math.max(digits, 0);
    }
}
