package org.kontor.host.payments;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scheme and host a customer used, which completes a return URL that is a path when no public address
 * ({@code http.public-url}) is set. A reverse proxy's {@code X-Forwarded-Proto} names the scheme the customer used.
 */
public final class RequestOrigin {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

    private RequestOrigin() {
    }

    /** {@code https://shop.example}, or null when the request names no usable host. */
    public static String of(Context ctx) {
        String host = ctx.host();
        if (host == null || !HOST.matcher(host).matches()) {
            return null;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        String scheme = "https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)
                ? proto.toLowerCase(Locale.ROOT) : ctx.scheme();
        return scheme + "://" + host;
    }
}
