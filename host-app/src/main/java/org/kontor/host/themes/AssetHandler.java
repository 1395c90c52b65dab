package org.kontor.host.themes;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /assets/<path>}: a file from {@code static/} along the active theme chain, and
 * {@code /assets/p/<plugin-id>/<path>} from a theme override or the plugin's {@code static/<plugin-id>/}.
 * Anything that is not a plain relative path to a regular file is a 404.
 */
public final class AssetHandler implements Handler {

    /** Route path to register this handler under. */
    public static final String ROUTE = "/assets/<path>";
    private static final String PREFIX = "/assets/";

    private final ThemeEngine engine;
    private final String cacheControl;

    /**
     * @param engine the theme engine that knows the active theme
     * @param maxAge how long browsers may cache an asset
     */
    public AssetHandler(ThemeEngine engine, Duration maxAge) {
        this.engine = engine;
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
    }

    @Override
    public void handle(Context ctx) throws IOException {
        Optional<String> path = requestedPath(ctx);
        Optional<URL> file = path.flatMap(p -> engine.active().layers().find("static", p));
        if (file.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("Not found");
            return;
        }
        byte[] body;
        URLConnection connection = file.get().openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            body = in.readAllBytes();
        }
        ctx.contentType(ContentTypes.of(path.get()))
                .header("Cache-Control", cacheControl)
                .header("X-Content-Type-Options", "nosniff")
                .result(body);
    }

    /** The asset path from the raw request URI, decoded once; encoded separators or dots cannot sneak through. */
    static Optional<String> requestedPath(Context ctx) {
        String uri = ctx.req().getRequestURI();
        String prefix = contextPath(ctx) + PREFIX;
        if (uri == null || !uri.startsWith(prefix)) {
            return Optional.empty();
        }
        String raw = uri.substring(prefix.length());
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return RelativePaths.clean(decoded);
    }

    static String contextPath(Context ctx) {
        String contextPath = ctx.req().getContextPath();
        if (contextPath == null || contextPath.equals("/")) {
            return "";
        }
        return contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
    }
}
