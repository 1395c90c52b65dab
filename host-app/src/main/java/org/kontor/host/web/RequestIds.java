package org.kontor.host.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, answered as {@value #HEADER}: the one a proxy in front sent in the same header when it
 * looks like an id, or a new one. Logs and the staff audit record name requests by it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "kontor.request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    public void install(JavalinConfig config) {
        config.routes.before(RequestIds::assign);
    }

    /** The request's id; one is made if {@link #install} did not run for it. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : assign(ctx);
    }

    private static String assign(Context ctx) {
        String sent = ctx.header(HEADER);
        String id = sent != null && SAFE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        return id;
    }
}
