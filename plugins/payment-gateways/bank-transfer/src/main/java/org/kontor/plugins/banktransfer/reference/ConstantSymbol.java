package org.kontor.plugins.banktransfer.reference;

import java.util.regex.Pattern;

/**
 * The Czech/Slovak konstantní symbol: four digits that classify the payment for the national bank's statistics.
 * It is optional since SEPA; {@code 0308} ("payment for services") suits hosting and domain invoices.
 */
public record ConstantSymbol(String value) {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    public static final ConstantSymbol SERVICES = new ConstantSymbol("0308");

    public ConstantSymbol {
        if (value == null || !FOUR_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("a constant symbol has 4 digits, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
