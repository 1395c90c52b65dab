package org.kontor.host.storefront;

import java.text.NumberFormat;
import java.util.Locale;
import org.kontor.api.money.Money;

/** Money as the storefront writes it: the amount in the page language's number format, then the currency code. */
final class PriceFormat {

    private PriceFormat() {
    }

    static String format(Money money, String language) {
        NumberFormat number = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        return number.format(money.amount()) + "\u00a0" + money.currencyCode();
    }
}
