package org.kontor.plugins.sepa.check;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SEPA creditor identifier, e.g. {@code DE98ZZZ09999999999}: country code, two check digits, a three-character
 * creditor business code and the national identifier. The check digits are ISO 7064 mod 97-10 as for IBANs
 * (ISO 13616), computed over the national identifier followed by the country code and {@code 00}; the business
 * code is not part of the check, so a creditor may use any.
 */
public final class CreditorId {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}");

    private CreditorId() {
    }

    public static String normalize(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Why the (normalized) creditor identifier is not valid, or empty when it is. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("is required");
        }
        if (id.length() > 35 || !FORMAT.matcher(id).matches()) {
            return Optional.of("is not a country code, two check digits, a business code and an identifier");
        }
        String national = id.substring(7);
        String rearranged = national + id.substring(0, 2) + "00";
        int expected = 98 - numeric(rearranged).mod(BigInteger.valueOf(97)).intValue();
        return Integer.parseInt(id.substring(2, 4)) == expected
                ? Optional.empty() : Optional.of("has wrong check digits");
    }

    /** Letters as numbers (A = 10 … Z = 35), digits as they are. */
    private static BigInteger numeric(String text) {
        StringBuilder digits = new StringBuilder();
        for (char c : text.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString());
    }
}
