package org.kontor.host.verification;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;

/**
 * The customer center's phone verification (ORD-11) at {@code /account/verification}: the mobile number and whether
 * it is confirmed, a form to send a code to a number and one to enter the code. Template
 * {@code account/verification.ftlh}; refusals are the messages {@code form.error.<reason>} in the customer's language.
 */
public final class PhoneVerificationPages {

    static final String PATH = "/account/verification";
    private static final Access[] HOLDERS = {Access.CUSTOMER, Access.RESELLER};

    private final PhoneVerifications verifications;
    private final PhoneNumbers numbers = new PhoneNumbers();

    public PhoneVerificationPages(PhoneVerifications verifications) {
        this.verifications = verifications;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> render(ctx, "", Map.of()), HOLDERS);
        routes.post(PATH + "/send", this::send, HOLDERS);
        routes.post(PATH + "/confirm", this::confirm, HOLDERS);
    }

    private void send(Context ctx) {
        String phone = value(ctx, "phone");
        try {
            verifications.send(customer(ctx), phone);
            ctx.redirect(PATH + "?saved=sent", HttpStatus.SEE_OTHER);
        } catch (PhoneVerificationException e) {
            ctx.status(e.reason().status());
            render(ctx, phone, Map.of("phone", error(e)));
        }
    }

    private void confirm(Context ctx) {
        try {
            verifications.confirm(customer(ctx), value(ctx, "code"));
            ctx.redirect(PATH + "?saved=verified", HttpStatus.SEE_OTHER);
        } catch (PhoneVerificationException e) {
            ctx.status(e.reason().status());
            render(ctx, "", Map.of("code", error(e)));
        }
    }

    /** The field error as the form macros take it; a count stays a number for the message's choice format. */
    private static Map<String, Object> error(PhoneVerificationException e) {
        String code = e.reason() == PhoneVerificationException.Reason.PHONE_INVALID ? "mobile-invalid" : e.reason().code();
        Object arg = switch (e.reason()) {
            case CODE_WRONG -> Math.max(0, e.attemptsLeft());
            case RESEND_THROTTLED -> Math.max(1, (e.retryAfter().toSeconds() + 59) / 60);
            default -> "";
        };
        return Map.of("code", code, "arg", arg);
    }

    private void render(Context ctx, String phone, Map<String, Map<String, Object>> errors) {
        PhoneStatus status = verifications.status(customer(ctx));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("available", verifications.available());
        page.put("phoneNumber", status.phoneNumber() == null ? "" : numbers.international(status.phoneNumber()));
        page.put("verified", status.verified());
        page.put("pending", status.pending() != null);
        page.put("pendingNumber", status.pending() == null ? "" : numbers.international(status.pending().phoneNumber()));
        page.put("attemptsLeft", status.pending() == null ? 0 : status.pending().attemptsLeft());
        page.put("minutes", PhoneVerifications.VALIDITY.toMinutes());
        page.put("form", Map.of("phone", phone.isEmpty() && status.phoneNumber() != null
                ? numbers.international(status.phoneNumber()) : phone));
        page.put("errors", errors);
        page.put("saved", errors.isEmpty() && ctx.queryParam("saved") != null
                ? ctx.queryParam("saved").replaceAll("[^a-z]", "") : "");
        ctx.render("account/verification.ftlh", page);
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.strip();
    }
}
