package org.kontor.host.security;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Security headers on every response, set before any handler runs so that error pages, assets and plugin routes get
 * them too.
 *
 * <p>The content security policy allows scripts, styles, images and fetches from the host itself only: themes keep
 * their scripts in {@code static/js} and use no inline script, style or event-handler attribute. Forms may post to
 * the host and be redirected to any https address, because a payment gateway's page (a plugin's, not known in
 * advance) is reached by a redirect after the pay form, and browsers check form-action along redirects.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self' https:");

    public void install(JavalinConfig config) {
        config.routes.before(SecurityHeaders::apply);
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
