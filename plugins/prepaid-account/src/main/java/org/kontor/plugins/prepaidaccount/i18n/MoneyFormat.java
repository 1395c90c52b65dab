package org.kontor.plugins.prepaidaccount.i18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.kontor.api.money.Money;

/**
 * Amounts and times as people of one language read them: {@code 3 000,00 Kč} in Czech, {@code CZK 3,000.00} in
 * English. Formats the exact decimal; never goes through floating point.
 */
public final class MoneyFormat {

    private final Locale locale;
    private final ZoneId zone;

    private MoneyFormat(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public static MoneyFormat of(String language) {
        return new MoneyFormat(Locale.forLanguageTag(language), ZoneId.of("UTC"));
    }

    public Locale locale() {
        return locale;
    }

    public String format(Money money) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    /** An amount without the currency, e.g. {@code 3 000,00}, for a form's input. */
    public String number(Money money) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(zone).format(instant);
    }
}
