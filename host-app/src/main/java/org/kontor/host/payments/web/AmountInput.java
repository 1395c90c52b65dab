package org.kontor.host.payments.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kontor.api.money.Money;

/**
 * An amount as a customer types it: digits with a decimal comma or point ({@code 125,50} or {@code 125.50}), grouping
 * by spaces or by the other sign ({@code 1.250,50}, {@code 1,250.50}), optionally the currency code after it. A lone
 * sign is the decimal sign; more decimals than the currency has are refused rather than rounded.
 */
final class AmountInput {

    private static final int MAX_LENGTH = 30;
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    /** The amount, or an error code ({@code amount-required}, {@code amount-format}, …) with its argument. */
    record Parsed(Money money, String error, String arg) {
        static Parsed error(String code, String arg) {
            return new Parsed(null, code, arg);
        }
    }

    private AmountInput() {
    }

    static Parsed parse(String raw, Currency currency) {
        if (raw == null || raw.isBlank()) {
            return Parsed.error("amount-required", "");
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            return Parsed.error("amount-format", "");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.endsWith(currency.getCurrencyCode())) {
            text = text.substring(0, text.length() - 3).strip();
        }
        text = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("'", "");
        if (text.startsWith("-")) {
            return Parsed.error("amount-not-positive", "");
        }
        if (!NUMBER.matcher(text).matches()) {
            return Parsed.error("amount-format", "");
        }
        int lastComma = text.lastIndexOf(',');
        int lastPoint = text.lastIndexOf('.');
        String plain;
        if (lastComma >= 0 && lastPoint >= 0) {
            char decimal = lastComma > lastPoint ? ',' : '.';
            char grouping = decimal == ',' ? '.' : ',';
            int decimalAt = Math.max(lastComma, lastPoint);
            if (text.indexOf(decimal) != decimalAt) {
                return Parsed.error("amount-format", "");
            }
            String whole = text.substring(0, decimalAt);
            if (!grouped(whole, grouping)) {
                return Parsed.error("amount-format", "");
            }
            plain = whole.replace(String.valueOf(grouping), "") + "." + text.substring(decimalAt + 1);
        } else if (count(text, ',') + count(text, '.') > 1) {
            // 1.250.000: grouping only
            if (!grouped(text, lastComma >= 0 ? ',' : '.')) {
                return Parsed.error("amount-format", "");
            }
            plain = text.replace(",", "").replace(".", "");
        } else {
            plain = text.replace(',', '.');
        }
        BigDecimal amount = new BigDecimal(plain);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        if (amount.stripTrailingZeros().scale() > digits) {
            return Parsed.error("amount-decimals", String.valueOf(digits));
        }
        if (amount.signum() <= 0) {
            return Parsed.error("amount-not-positive", "");
        }
        return new Parsed(Money.of(amount.setScale(digits), currency), null, null);
    }

    /** An amount as the form shows it to be changed: the language's decimal sign, no grouping, no currency. */
    static String plain(Money money, Locale locale) {
        String text = money.amount().toPlainString();
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return decimal == '.' ? text : text.replace('.', decimal);
    }

    /** Digits in groups of three after the first: {@code 1.250.000}. */
    private static boolean grouped(String whole, char grouping) {
        return whole.matches("\\d{1,3}(?:" + Pattern.quote(String.valueOf(grouping)) + "\\d{3})*");
    }

    private static int count(String text, char sign) {
        return (int) text.chars().filter(c -> c == sign).count();
    }
}
