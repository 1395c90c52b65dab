package org.kontor.plugins.banktransfer.reference;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO 11649 structured creditor reference: {@code RF}, two check digits (ISO 7064 mod 97-10) and 1 to 21 letters
 * or digits, e.g. {@code RF18539007547034}. Kept in the electronic form, without spaces, upper case.
 */
public record RfReference(String value) {

    private static final Pattern ELECTRONIC = Pattern.compile("RF\\d{2}[A-Z0-9]{1,21}");
    private static final Pattern IN_TEXT = Pattern.compile("(?i)\\bRF\\s?\\d{2}(?:\\s?[A-Z0-9]){1,21}\\b");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    public RfReference {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid RF creditor reference: '" + value + "'");
        }
    }

    /** The reference of a creditor's own reference (letters and digits, at most 21). */
    public static RfReference of(String creditorReference) {
        String reference = creditorReference.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!reference.matches("[A-Z0-9]{1,21}")) {
            throw new IllegalArgumentException("an RF reference holds 1 to 21 letters or digits, was '" + creditorReference + "'");
        }
        int check = 98 - mod97(reference + "RF00");
        return new RfReference(String.format(Locale.ROOT, "RF%02d%s", check, reference));
    }

    public static RfReference of(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("a reference number is not negative, was " + number);
        }
        return of(Long.toString(number));
    }

    /** Whether {@code text} is a valid reference in electronic form (no spaces). */
    public static boolean isValid(String text) {
        return text != null && ELECTRONIC.matcher(text).matches()
                && mod97(text.substring(4) + text.substring(0, 4)) == 1;
    }

    /** A reference as printed ({@code RF18 5390 0754 7034}) or in lower case; empty when it is none or its check fails. */
    public static Optional<RfReference> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        return isValid(compact) ? Optional.of(new RfReference(compact)) : Optional.empty();
    }

    /** The first valid reference in free text, e.g. a bank's remittance information. */
    public static Optional<RfReference> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            // The match runs on over the words after the reference ("RF18 5390 0754 7034 FRA KUNDE"): cut it back at
            // each space until the check digits hold.
            String candidate = m.group();
            while (true) {
                Optional<RfReference> found = parse(candidate);
                if (found.isPresent()) {
                    return found;
                }
                int cut = candidate.lastIndexOf(' ');
                if (cut <= 2) {
                    break;
                }
                candidate = candidate.substring(0, cut).strip();
            }
        }
        return Optional.empty();
    }

    /** The creditor's reference inside, without {@code RF} and the check digits. */
    public String creditorReference() {
        return value.substring(4);
    }

    /** The paper form in groups of four: {@code RF18 5390 0754 7034}. */
    public String printed() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(value, i, Math.min(i + 4, value.length()));
        }
        return out.toString();
    }

    /** Letters as 10 … 35, then the number modulo 97. */
    private static int mod97(String alphanumeric) {
        StringBuilder digits = new StringBuilder();
        for (char c : alphanumeric.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }

    @Override
    public String toString() {
        return value;
    }
}
