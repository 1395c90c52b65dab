package org.kontor.host.security;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security headers on every response, set before any handler runs so that error pages, assets and plugin routes get
 * them too.
 *
 * <p>The content security policy allows scripts, styles, images and fetches from the host itself only: themes keep
 * their scripts in {@code static/js} and use no inline script, style or event-handler attribute. Forms may post to
 * the host and be redirected to any https address, because a payment gateway's page (a plugin's, not known in
 * advance) is reached by a redirect after the pay form, and browsers check form-action along redirects.
 *
 * <p>The sources of the running analytics providers (TEC-6), asked for on every response so that a plugin's settings
 * apply at once, are added to {@code script-src}, {@code connect-src} and {@code img-src}. Only plain origins are
 * taken ({@link #SOURCE}): a source cannot add a keyword, a directive or a wildcard scheme.
 */
public final class SecurityHeaders {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityHeaders.class);

    /** A scheme, a host that may begin with {@code *.}, an optional port, nothing else. */
    static final Pattern SOURCE = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?");

    public static final String CONTENT_SECURITY_POLICY = policy(List.of());

    private final Supplier<List<String>> extraSources;

    /** Headers with the host's own policy only. */
    public SecurityHeaders() {
        this(List::of);
    }

    /** @param extraSources origins the pages may load scripts and images from and send to, asked per response */
    public SecurityHeaders(Supplier<List<String>> extraSources) {
        this.extraSources = extraSources;
    }

    public void install(JavalinConfig config) {
        config.routes.before(this::apply);
    }

    /** The policy with the given sources added, those that are not plain origins left out. */
    public static String policy(List<String> sources) {
        Set<String> origins = new LinkedHashSet<>();
        for (String source : sources) {
            if (source != null && SOURCE.matcher(source.strip()).matches()) {
                origins.add(source.strip());
            } else {
                LOG.warn("Left the source '{}' out of the content security policy: not a plain origin", source);
            }
        }
        String extra = origins.isEmpty() ? "" : " " + String.join(" ", origins);
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'" + extra,
                "style-src 'self'",
                "img-src 'self' data:" + extra,
                "font-src 'self'",
                "connect-src 'self'" + extra,
                "object-src 'none'",
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "form-action 'self' https:");
    }

    private void apply(Context ctx) {
        ctx.header("Content-Security-Policy", policy(sources()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    private List<String> sources() {
        try {
            return extraSources.get();
        } catch (RuntimeException e) {
            LOG.warn("Could not ask for the extra sources of the content security policy", e);
            return List.of();
        }
    }
}
