package org.kontor.plugins.stripe;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import org.kontor.api.money.Money;

/**
 * Amounts as Stripe writes them: integers in the currency's smallest unit, currency codes in lower case. Stripe takes
 * some currencies without decimals that ISO 4217 gives decimals (MGA, for one), so its unit is not always Kontor's.
 */
public final class Amounts {

    /** Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal). */
    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");

    private Amounts() {
    }

    /**
     * The amount in Stripe's unit of its currency.
     *
     * @throws IllegalArgumentException when the amount has decimals the currency has none of at Stripe
     */
    public static long toStripe(Money money) {
        try {
            return money.amount().movePointRight(digits(money.currency())).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Stripe takes " + money.currencyCode() + " without decimals, not "
                    + money.amount().toPlainString(), e);
        }
    }

    /** An amount as Stripe wrote it, e.g. {@code (12950, "dkk")}. */
    public static Money fromStripe(long amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        return Money.of(BigDecimal.valueOf(amount, digits(currency)), currency);
    }

    /** A currency from Stripe's lower-case code. */
    public static Currency currency(String code) {
        return Currency.getInstance(code.toUpperCase(Locale.ROOT));
    }

    /** The code Stripe expects: {@code dkk}. */
    public static String code(Currency currency) {
        return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    private static int digits(Currency currency) {
        return ZERO_DECIMAL.contains(currency.getCurrencyCode()) ? 0 : Math.max(currency.getDefaultFractionDigits(), 0);
    }
}
