package org.kontor.plugins.sepa.check;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The restricted Latin character set of the SEPA rulebooks for identifiers (mandate reference, end-to-end id):
 * {@code a-z A-Z 0-9 / - ? : ( ) . , ' +}, no spaces, at most 35 characters, not starting or ending with a
 * slash and without {@code //}.
 */
public final class SepaText {

    public static final int MAX_IDENTIFIER = 35;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9/\\-?:().,'+]{1,35}");
    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9/\\-?:().,'+ ]*");

    private SepaText() {
    }

    /** Why {@code value} is not a valid SEPA identifier, or empty when it is. */
    public static Optional<String> identifierProblem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is required");
        }
        if (value.length() > MAX_IDENTIFIER) {
            return Optional.of("is longer than 35 characters");
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            return Optional.of("may only contain A-Z a-z 0-9 / - ? : ( ) . , ' + and no spaces");
        }
        if (value.startsWith("/") || value.endsWith("/") || value.contains("//")) {
            return Optional.of("must not start or end with / nor contain //");
        }
        return Optional.empty();
    }

    /**
     * Free text (names, remittance information) reduced to the SEPA character set: accented letters lose their
     * accents, anything else outside the set becomes a space, and the result is cut to {@code max} characters.
     */
    public static String transliterate(String value, int max) {
        if (value == null) {
            return "";
        }
        String plain = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace("ß", "ss").replace("Æ", "AE").replace("æ", "ae").replace("Ø", "O").replace("ø", "o")
                .replace("Đ", "D").replace("đ", "d").replace("Ł", "L").replace("ł", "l");
        StringBuilder out = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            out.append(TEXT.matcher(String.valueOf(c)).matches() ? c : ' ');
        }
        String text = out.toString().strip().replaceAll(" {2,}", " ");
        return text.length() > max ? text.substring(0, max).strip() : text;
    }
}
