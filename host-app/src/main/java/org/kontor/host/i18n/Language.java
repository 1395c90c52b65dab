package org.kontor.host.i18n;

import java.util.Locale;
import java.util.Objects;

/**
 * A language the storefront speaks.
 *
 * @param code       ISO 639-1 code, lower case, e.g. {@code da}
 * @param nativeName the language's name in that language, for the switcher, e.g. {@code Dansk}
 */
public record Language(String code, String nativeName) {

    public Language {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nativeName, "nativeName");
        if (!code.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("Language code must be 2-3 lower-case letters: " + code);
        }
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }
}
