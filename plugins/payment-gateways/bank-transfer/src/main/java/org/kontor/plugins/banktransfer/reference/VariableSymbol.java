package org.kontor.plugins.banktransfer.reference;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Czech and Slovak variabilní/variabilný symbol: up to 10 digits that identify the payment. Banks drop leading
 * zeros, so the canonical form has none ({@code 0} stays {@code 0}).
 */
public record VariableSymbol(String value) {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    public VariableSymbol {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("a variable symbol has 1 to 10 digits, was '" + value + "'");
        }
        value = canonical(value);
    }

    public static VariableSymbol of(long number) {
        if (number < 0 || number > 9_999_999_999L) {
            throw new IllegalArgumentException("a variable symbol holds 0 to 10 digits, was " + number);
        }
        return new VariableSymbol(Long.toString(number));
    }

    /** A variable symbol as typed or as a bank wrote it (spaces and leading zeros allowed); empty when it is none. */
    public static Optional<VariableSymbol> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replace(" ", "").strip();
        if (compact.length() > 10) {
            compact = compact.replaceFirst("^0+(?=\\d{1,10}$)", "");
        }
        return DIGITS.matcher(compact).matches() ? Optional.of(new VariableSymbol(compact)) : Optional.empty();
    }

    private static String canonical(String digits) {
        String stripped = digits.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }

    @Override
    public String toString() {
        return value;
    }
}
