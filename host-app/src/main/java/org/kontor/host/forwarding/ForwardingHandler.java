package org.kontor.host.forwarding;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Answers requests whose Host header names a forwarded domain before any route does (TEC-1): a redirect (301, 302,
 * 307 or 308 with the target in Location) or, for a framed forward, a page showing the target in a frame. The host
 * names of Kontor itself are never matched ({@link Forwardings#forHost}), and a request for any other host goes on to
 * the normal routes.
 *
 * <p>The framed page carries no script; its one style block is allowed by its hash, and its content security policy
 * allows framing the target's origin only, on that response alone.
 */
public final class ForwardingHandler {

    static final String STYLE = "html,body,iframe{margin:0;padding:0;border:0;width:100%;height:100%;display:block}";
    private static final String STYLE_HASH = "'sha256-" + sha256(STYLE) + "'";

    private final Forwardings forwardings;

    public ForwardingHandler(Forwardings forwardings) {
        this.forwardings = forwardings;
    }

    public void install(JavalinConfig config) {
        config.routes.before(this::handle);
    }

    void handle(Context ctx) {
        Optional<WebForward> forward = forwardings.forHost(hostName(ctx.header("Host")));
        if (forward.isEmpty()) {
            return;
        }
        WebForward chosen = forward.get();
        String location = chosen.location(ctx.path(), ctx.queryString());
        ctx.header("Cache-Control", chosen.kind() == WebForward.Kind.PERMANENT ? "max-age=3600" : "no-store");
        if (chosen.kind() == WebForward.Kind.FRAMED) {
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src " + STYLE_HASH + "; frame-src "
                    + origin(chosen.target()) + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
            ctx.status(200).contentType("text/html; charset=utf-8").result(page(chosen.host(), location));
        } else {
            ctx.status(chosen.status()).header("Location", location).contentType("text/plain; charset=utf-8")
                    .result("Moved to " + location + "\n");
        }
        ctx.skipRemainingHandlers();
    }

    /** The host name of a Host header, without port, brackets or final dot; null when there is none. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String host = header.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? null : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    static String origin(String target) {
        java.net.URI uri = java.net.URI.create(target);
        return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    private static String page(String host, String location) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(host) + "</title><style>" + STYLE
                + "</style></head><body><iframe src=\"" + escape(location) + "\" title=\"" + escape(host)
                + "\"></iframe></body></html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
