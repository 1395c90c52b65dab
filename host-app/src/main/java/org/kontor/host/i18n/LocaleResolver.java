package org.kontor.host.i18n;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;

import java.util.Optional;
import org.kontor.api.web.RequestLanguage;

/**
 * Decides the language of a request: {@code ?lang=xx} (remembered in the {@code kontor_lang}
 * cookie), else that cookie, else the best {@code Accept-Language} match, else the default.
 * Used as a {@code before} handler; it stores the result in the request attribute {@link #ATTRIBUTE}.
 */
public final class LocaleResolver implements Handler {

    /** Request attribute holding the resolved {@link Language}. */
    public static final String ATTRIBUTE = "kontor.language";
    public static final String COOKIE = "kontor_lang";
    public static final String QUERY_PARAM = "lang";
    private static final int COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

    private final SupportedLanguages languages;

    public LocaleResolver(SupportedLanguages languages) {
        this.languages = languages;
    }

    public SupportedLanguages languages() {
        return languages;
    }

    @Override
    public void handle(Context ctx) {
        Optional<Language> chosen = languages.find(ctx.queryParam(QUERY_PARAM));
        chosen.ifPresent(language -> remember(ctx, language));
        Language language = chosen
                .or(() -> languages.find(ctx.cookie(COOKIE)))
                .or(() -> languages.bestMatch(ctx.header("Accept-Language")))
                .orElseGet(languages::defaultLanguage);
        ctx.attribute(ATTRIBUTE, language);
        ctx.attribute(RequestLanguage.ATTRIBUTE, language.code());
    }

    /** The language of this request, resolving it now if the before handler did not run. */
    public Language language(Context ctx) {
        Language language = ctx.attribute(ATTRIBUTE);
        if (language == null) {
            handle(ctx);
            language = ctx.attribute(ATTRIBUTE);
        }
        return language;
    }

    private static void remember(Context ctx, Language language) {
        boolean secure = ctx.req().isSecure();
        ctx.cookie(new Cookie(COOKIE, language.code(), "/", COOKIE_MAX_AGE_SECONDS, secure, true, null, SameSite.LAX));
    }
}
