package org.kontor.plugins.banktransfer.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.plugins.banktransfer.matching.BankTransferException;
import org.kontor.plugins.banktransfer.statement.StatementException;

/** Answers refusals as RFC 9457 problem+json. */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kontor.dev/problems/payment-bank-transfer/";

    private Problems() {
    }

    static Handler api(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (StatementException e) {
                answer(ctx, 422, "statement", "The statement cannot be imported", e.getMessage());
            } catch (BankTransferException e) {
                switch (e.reason()) {
                    case NOT_FOUND -> answer(ctx, 404, "not-found", "Not found", e.getMessage());
                    case CONFLICT -> answer(ctx, 409, "conflict", "Not possible in this state", e.getMessage());
                    case INVALID -> answer(ctx, 422, "validation", "Invalid request", e.getMessage());
                }
            }
        };
    }

    static void answer(Context ctx, int status, String kind, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + kind);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        ctx.status(status);
        ctx.result(ctx.jsonMapper().toJsonString(body, Map.class));
        ctx.contentType(CONTENT_TYPE);
    }
}
