package org.kontor.plugins.sepa.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.plugins.sepa.SepaException;

/** Answers refusals as RFC 9457 problem+json: 404 unknown, 409 wrong state, 422 invalid fields (with {@code errors}). */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kontor.dev/problems/payment-sepa/";

    private Problems() {
    }

    static Handler api(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (SepaException e) {
                answer(ctx, e);
            }
        };
    }

    static int status(SepaException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
        };
    }

    static Map<String, Object> body(SepaException e, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + e.reason().name().toLowerCase().replace('_', '-'));
        body.put("title", switch (e.reason()) {
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Not possible in this state";
            case INVALID -> "Invalid input";
        });
        body.put("status", status(e.reason()));
        body.put("detail", e.reason() == SepaException.Reason.INVALID ? "Some fields are missing or invalid." : e.getMessage());
        body.put("instance", path);
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors());
        }
        return body;
    }

    private static void answer(Context ctx, SepaException e) {
        ctx.status(status(e.reason()));
        ctx.result(ctx.jsonMapper().toJsonString(body(e, ctx.path()), Map.class));
        ctx.contentType(CONTENT_TYPE);
    }
}
