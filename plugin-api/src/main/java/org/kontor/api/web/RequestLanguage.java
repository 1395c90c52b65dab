package org.kontor.api.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * The language the host chose for a request ({@code ?lang=}, the visitor's cookie, then Accept-Language),
 * so a plugin formats amounts and dates in the language its labels are rendered in.
 */
public final class RequestLanguage {

    /** The request attribute under which the host keeps the chosen language tag. */
    public static final String ATTRIBUTE = "kontor.language-tag";

    /** The languages every Kontor host offers. */
    public static final List<String> SUPPORTED = List.of("en", "da", "de", "cs", "sk");

    private RequestLanguage() {
    }

    /** The chosen language tag, e.g. {@code da}; {@code en} when the host chose none. */
    public static String of(Context ctx) {
        String tag = ctx.attribute(ATTRIBUTE);
        return tag == null ? "en" : tag;
    }
}
