package org.kontor.host.security.totp;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.admin.AdminView;
import org.kontor.host.security.LoginThrottle;
import org.kontor.host.web.ProblemException;

/**
 * {@code /admin/security}: a staff member switches their own TOTP second factor on (scan the QR code or type the
 * secret, confirm with a first code, note the ten recovery codes shown this once) and off again with a current code.
 * Template: {@code admin/security.ftlh}.
 */
public final class TotpAdminPages {

    static final String PATH = "/admin/security";

    private final StaffTotp totp;
    private final Function<String, Optional<String>> accountNames;
    private final LoginThrottle throttle;
    private final AdminView view;

    /**
     * @param accountNames the name the authenticator app shows for an account (its e-mail address)
     * @param throttle     counts wrong codes per account, shared with the second sign-in step
     */
    public TotpAdminPages(StaffTotp totp, Function<String, Optional<String>> accountNames, LoginThrottle throttle,
                          AdminView view) {
        this.totp = totp;
        this.accountNames = accountNames;
        this.throttle = throttle;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::page, Access.ADMIN);
        routes.post(PATH + "/enrol", this::enrol, Access.ADMIN);
        routes.post(PATH + "/confirm", this::confirm, Access.ADMIN);
        routes.post(PATH + "/disable", this::disable, Access.ADMIN);
    }

    private void page(Context ctx) {
        render(ctx, Optional.ofNullable(ctx.queryParam("done")).orElse(""), "");
    }

    private void enrol(Context ctx) {
        String me = me(ctx);
        if (!totp.confirmed(me)) {
            totp.start(me, account(me));
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    private void confirm(Context ctx) {
        // Not throttled: the page shows this secret to its owner anyway, so guessing its codes gains nothing.
        String me = me(ctx);
        Optional<List<String>> codes = totp.confirm(me, ctx.formParam("code"));
        if (codes.isEmpty()) {
            ctx.status(422);
            render(ctx, "", "wrong-code");
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("recoveryCodes", codes.get());
        view.render(ctx, "security-recovery.ftlh", page);
    }

    private void disable(Context ctx) {
        String me = me(ctx);
        if (refusedWhileThrottled(ctx, me)) {
            return;
        }
        if (!totp.disable(me, ctx.formParam("code"))) {
            throttle.recordFailure(SecondFactorSignIn.throttleKey(me));
            ctx.status(422);
            render(ctx, "", "wrong-code");
            return;
        }
        ctx.redirect(PATH + "?done=disabled", HttpStatus.SEE_OTHER);
    }

    private boolean refusedWhileThrottled(Context ctx, String me) {
        Optional<Duration> locked = throttle.lockedFor(SecondFactorSignIn.throttleKey(me));
        if (locked.isEmpty()) {
            return false;
        }
        long seconds = Math.max(1, locked.get().toSeconds());
        ctx.status(429).header("Retry-After", Long.toString(seconds));
        render(ctx, "", "throttled");
        return true;
    }

    private void render(Context ctx, String done, String error) {
        String me = me(ctx);
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> page = new LinkedHashMap<>();
        boolean enabled = totp.confirmed(me);
        page.put("enabled", enabled);
        page.put("done", done.equals("disabled") ? done : "");
        page.put("error", error);
        if (enabled) {
            page.put("recoveryLeft", totp.recoveryCodesLeft(me));
        } else {
            totp.pending(me, account(me)).ifPresent(enrolment -> {
                page.put("secret", grouped(enrolment.secretText()));
                page.put("qr", "data:image/svg+xml;base64," + Base64.getEncoder()
                        .encodeToString(enrolment.qrSvg().getBytes(StandardCharsets.UTF_8)));
            });
        }
        view.render(ctx, "security.ftlh", page);
    }

    /** The signed-in account; an API token whose subject is no account has no authenticator to manage. */
    private String me(Context ctx) {
        String subject = Caller.require(ctx).subject();
        if (accountNames.apply(subject).isEmpty()) {
            throw ProblemException.notFound("The second factor belongs to staff signing in with their own account; "
                    + "there is no account '" + subject + "'.");
        }
        return subject;
    }

    private String account(String customerId) {
        return accountNames.apply(customerId).orElse(customerId);
    }

    private static String grouped(String secret) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return text.toString();
    }
}
