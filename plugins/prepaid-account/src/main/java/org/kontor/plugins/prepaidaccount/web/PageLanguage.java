package org.kontor.plugins.prepaidaccount.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a page, decided as the host decides it ({@code ?lang=}, the {@code kontor_lang} cookie, then
 * {@code Accept-Language}), so that amounts and dates are formatted in the language the labels are in. The plugin
 * API does not hand plugins the host's choice, hence the repetition.
 */
final class PageLanguage {

    static final List<String> SUPPORTED = List.of("en", "da", "de", "cs", "sk");

    private PageLanguage() {
    }

    static String of(Context ctx) {
        return supported(ctx.queryParam("lang"))
                .or(() -> supported(ctx.cookie("kontor_lang")))
                .or(() -> fromHeader(ctx.header("Accept-Language")))
                .orElse("en");
    }

    private static Optional<String> supported(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(lower) ? Optional.of(lower) : Optional.empty();
    }

    private static Optional<String> fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return Optional.ofNullable(Locale.lookupTag(ranges, SUPPORTED));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
