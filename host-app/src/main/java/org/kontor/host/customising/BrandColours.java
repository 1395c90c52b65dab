package org.kontor.host.customising;

import java.util.Locale;
import java.util.regex.Pattern;

/** Brand colours are six-digit hex colours, {@code #rrggbb}; anything else could break out of the style sheet. */
final class BrandColours {

    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    private BrandColours() {
    }

    static boolean valid(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** The colour as stored: lower case, with '#'; a three-digit colour is widened. Null when it is no colour. */
    static String normalise(String input) {
        String value = input.strip().toLowerCase(Locale.ROOT);
        if (!value.startsWith("#")) {
            value = "#" + value;
        }
        if (value.matches("#[0-9a-f]{3}")) {
            value = "#" + value.charAt(1) + value.charAt(1) + value.charAt(2) + value.charAt(2) + value.charAt(3)
                    + value.charAt(3);
        }
        return valid(value) ? value : null;
    }
}
