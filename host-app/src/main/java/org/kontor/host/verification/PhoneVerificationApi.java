package org.kontor.host.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * The JSON API of phone verification (ORD-11), documented in {@code openapi/host/verification.json}:
 * {@code GET /api/v1/account/phone-verification} (the status), {@code POST} (send a code to {@code phoneNumber}),
 * {@code POST …/confirm} (enter {@code code}). Refusals are problem+json whose type and {@code reason} name the
 * {@link PhoneVerificationException.Reason}; a throttled send answers {@code Retry-After}.
 */
public final class PhoneVerificationApi {

    static final String PATH = "/api/v1/account/phone-verification";
    private static final Access[] HOLDERS = {Access.CUSTOMER, Access.RESELLER};

    private final PhoneVerifications verifications;
    private final ObjectMapper json;

    public PhoneVerificationApi(PhoneVerifications verifications, ObjectMapper json) {
        this.verifications = verifications;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.json(view(verifications.status(customer(ctx)))), HOLDERS);
        routes.post(PATH, refusing(ctx -> {
            String number = text(RequestBodies.object(json, ctx), "phoneNumber");
            ctx.status(202).json(view(verifications.send(customer(ctx), number)));
        }), HOLDERS);
        routes.post(PATH + "/confirm", refusing(ctx -> {
            String code = text(RequestBodies.object(json, ctx), "code");
            ctx.json(view(verifications.confirm(customer(ctx), code)));
        }), HOLDERS);
    }

    static Map<String, Object> view(PhoneStatus status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("phoneNumber", status.phoneNumber());
        view.put("verified", status.verified());
        view.put("verifiedAt", status.verifiedAt() == null ? null : status.verifiedAt().toString());
        if (status.pending() == null) {
            view.put("pending", null);
        } else {
            Map<String, Object> pending = new LinkedHashMap<>();
            pending.put("phoneNumber", status.pending().phoneNumber());
            pending.put("state", status.pending().state());
            pending.put("expiresAt", status.pending().expiresAt().toString());
            pending.put("attemptsLeft", status.pending().attemptsLeft());
            view.put("pending", pending);
        }
        view.put("nextSendAt", status.nextSendAt() == null ? null : status.nextSendAt().toString());
        return view;
    }

    private static Handler refusing(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (PhoneVerificationException e) {
                if (e.retryAfter() != null) {
                    ctx.header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
                }
                String title = switch (e.reason().status()) {
                    case 409 -> "Conflict";
                    case 410 -> "Gone";
                    case 429 -> "Too many requests";
                    case 503 -> "Service unavailable";
                    default -> "Unprocessable content";
                };
                Problem problem = Problem.of(e.reason().status(), e.reason().code(), title, e.getMessage())
                        .withReason(e.reason().code());
                throw new ProblemException(problem);
            }
        };
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
