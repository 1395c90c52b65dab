package org.kontor.host.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the storefront offers, in switcher order, and the one used when nothing else matches.
 *
 * @param languages   offered languages; never empty
 * @param defaultCode code of the fallback language; one of {@code languages}
 */
public record SupportedLanguages(List<Language> languages, String defaultCode) {

    public SupportedLanguages {
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("At least one language is required");
        }
        String d = defaultCode;
        if (languages.stream().noneMatch(l -> l.code().equals(d))) {
            throw new IllegalArgumentException("Default language " + defaultCode + " is not among " + languages);
        }
    }

    /** English, Danish, German, Czech and Slovak with English as default. */
    public static SupportedLanguages standard() {
        return withDefault("en");
    }

    /** The standard five languages with another default. */
    public static SupportedLanguages withDefault(String defaultCode) {
        return new SupportedLanguages(List.of(
                new Language("en", "English"),
                new Language("da", "Dansk"),
                new Language("de", "Deutsch"),
                new Language("cs", "Čeština"),
                new Language("sk", "Slovenčina")), defaultCode);
    }

    public boolean isSupported(String code) {
        return find(code).isPresent();
    }

    public Optional<Language> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        return languages.stream().filter(l -> l.code().equals(c)).findFirst();
    }

    /**
     * The best supported language for an {@code Accept-Language} header, honouring q-values; a
     * regional tag matches its language ({@code de-AT} gives {@code de}). Empty when nothing matches
     * or the header is malformed.
     */
    public Optional<Language> bestMatch(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        // parse() returns ranges sorted by weight, highest first, stable for equal weights.
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = range.getRange().split("-", 2)[0];
            Optional<Language> match = find(primary);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    public Language defaultLanguage() {
        return find(defaultCode).orElseThrow();
    }
}
