package org.kontor.plugins.prepaidaccount.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.portfolio.UnknownDomainException;
import org.kontor.plugins.prepaidaccount.ledger.LedgerException;

/**
 * Turns the ledger's refusals into answers: problem+json with a specific type and message for the JSON API,
 * the host's error page with the right status for pages. Refusals for lack of funds are the host's to answer (402).
 */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kontor.dev/problems/prepaid-account/";

    private Problems() {
    }

    /** An RFC 9457 body; {@code errors} only for validation. */
    record Problem(String type, String title, int status, String detail, String instance, Map<String, String> errors) {

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("title", title);
            body.put("status", status);
            body.put("detail", detail);
            body.put("instance", instance);
            if (errors != null) {
                body.put("errors", errors);
            }
            return body;
        }
    }

    static int status(LedgerException.Reason reason) {
        return switch (reason) {
            case NO_ACCOUNT, NO_HOLD -> 404;
            case NOT_ACTIVE, KEY_REUSED, HOLD_SETTLED, ALREADY_EXISTS -> 409;
            case INVALID, BELOW_MINIMUM, WRONG_CURRENCY, NOT_PAYABLE -> 422;
        };
    }

    static Problem of(LedgerException e, String path) {
        String kind = e.reason().name().toLowerCase().replace('_', '-');
        return new Problem(TYPE_BASE + kind, title(e.reason()), status(e.reason()), e.getMessage(), path, null);
    }

    static Problem of(InvalidInput e, String path) {
        return new Problem(TYPE_BASE + "validation", "Invalid input", 422, "Some fields are missing or invalid.", path,
                e.errors());
    }

    /** A JSON handler whose refusals are answered as problem+json. */
    static Handler api(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (LedgerException e) {
                answer(ctx, of(e, ctx.path()));
            } catch (InvalidInput e) {
                answer(ctx, of(e, ctx.path()));
            } catch (UnknownDomainException e) {
                answer(ctx, new Problem(TYPE_BASE + "no-domain", "No such domain", 404, e.getMessage(), ctx.path(), null));
            }
        };
    }

    /** A page handler whose refusals become the host's error page with the matching status. */
    static Handler page(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (LedgerException e) {
                throw new HttpResponseException(status(e.reason()), e.getMessage());
            } catch (InvalidInput e) {
                throw new HttpResponseException(422, String.join("; ", e.errors().values()));
            } catch (UnknownDomainException e) {
                throw new HttpResponseException(404, e.getMessage());
            }
        };
    }

    static void answer(Context ctx, Problem problem) {
        ctx.status(problem.status());
        ctx.result(ctx.jsonMapper().toJsonString(problem.body(), Map.class));
        ctx.contentType(CONTENT_TYPE);
    }

    private static String title(LedgerException.Reason reason) {
        return switch (reason) {
            case NO_ACCOUNT -> "No such prepaid account";
            case NO_HOLD -> "No such hold";
            case NOT_ACTIVE -> "The prepaid account is not active";
            case KEY_REUSED -> "Idempotency key used for a different movement";
            case HOLD_SETTLED -> "Already settled";
            case ALREADY_EXISTS -> "Already exists";
            case INVALID -> "Invalid request";
            case BELOW_MINIMUM -> "Below the minimum top-up";
            case WRONG_CURRENCY -> "Wrong currency";
            case NOT_PAYABLE -> "Not payable from the prepaid account";
        };
    }
}
