package org.kontor.host.security.totp;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.web.Access;
import org.kontor.host.security.LoginThrottle;
import org.kontor.host.security.SecondFactorGate;
import org.kontor.host.security.WebSessions;

/**
 * The second step of signing in for staff with a confirmed authenticator: after the right password the session is
 * not signed in yet but holds a challenge ({@code second_factor_challenge}, valid for {@link #VALID}), and
 * {@code /account/signin/second-factor} asks for a code from the app or a recovery code. Wrong codes count per
 * account in a {@link LoginThrottle}; only a right code signs the session in. Template:
 * {@code account/second-factor.ftlh}.
 */
public final class SecondFactorSignIn implements SecondFactorGate {

    public static final String PATH = "/account/signin/second-factor";
    static final Duration VALID = Duration.ofMinutes(5);
    private static final String THROTTLE_PREFIX = "second-factor:";

    private final Jdbi jdbi;
    private final Clock clock;
    private final StaffTotp totp;
    private final WebSessions sessions;
    private final LoginThrottle throttle;

    public SecondFactorSignIn(Jdbi jdbi, Clock clock, StaffTotp totp, WebSessions sessions, LoginThrottle throttle) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.totp = totp;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::page, Access.PUBLIC);
        routes.post(PATH, this::submit, Access.PUBLIC);
    }

    /** Wrong second-factor codes count under this key, apart from wrong passwords for the address. */
    static String throttleKey(String customerId) {
        return THROTTLE_PREFIX + customerId;
    }

    @Override
    public Optional<String> challenge(Context ctx, String customerId, String next) {
        if (!totp.confirmed(customerId)) {
            return Optional.empty();
        }
        String visitorId = sessions.visitorId(ctx);
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM second_factor_challenge WHERE visitor_id = :visitor OR expires_at <= :now")
                    .bind("visitor", visitorId).bind("now", now).execute();
            h.createUpdate("""
                            INSERT INTO second_factor_challenge (visitor_id, customer_id, next_path, expires_at)
                            VALUES (:visitor, :customer, :next, :expires)""")
                    .bind("visitor", visitorId).bind("customer", customerId).bind("next", next)
                    .bind("expires", now + VALID.toMillis()).execute();
        });
        return Optional.of(PATH);
    }

    /** The account whose password this session gave, with where to go afterwards; empty when none or expired. */
    private Optional<Challenge> pending(Context ctx) {
        Optional<String> visitorId = sessions.existingVisitorId(ctx);
        if (visitorId.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT customer_id, next_path FROM second_factor_challenge
                        WHERE visitor_id = :visitor AND expires_at > :now""")
                .bind("visitor", visitorId.get()).bind("now", clock.millis())
                .map((rs, c) -> new Challenge(visitorId.get(), rs.getString("customer_id"), rs.getString("next_path")))
                .findOne());
    }

    private void page(Context ctx) {
        if (pending(ctx).isEmpty()) {
            renderExpired(ctx);
            return;
        }
        render(ctx, null);
    }

    private void submit(Context ctx) {
        Optional<Challenge> challenge = pending(ctx);
        if (challenge.isEmpty()) {
            ctx.status(HttpStatus.GONE);
            renderExpired(ctx);
            return;
        }
        String customerId = challenge.get().customerId();
        String key = throttleKey(customerId);
        Optional<Duration> locked = throttle.lockedFor(key);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            ctx.status(429).header("Retry-After", Long.toString(seconds));
            render(ctx, Map.of("code", "second-factor-throttled", "arg", Long.toString((seconds + 59) / 60)));
            return;
        }
        if (!totp.check(customerId, ctx.formParam("code"))) {
            throttle.recordFailure(key);
            ctx.status(422);
            render(ctx, Map.of("code", "second-factor-wrong", "arg", ""));
            return;
        }
        throttle.clear(key);
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM second_factor_challenge WHERE visitor_id = :visitor")
                .bind("visitor", challenge.get().visitorId()).execute());
        sessions.signIn(ctx, customerId);
        ctx.redirect(challenge.get().next(), HttpStatus.SEE_OTHER);
    }

    private static void render(Context ctx, Map<String, String> error) {
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("expired", false);
        page.put("error", error == null ? Map.of() : error);
        ctx.render("account/second-factor.ftlh", page);
    }

    /** No password was given in this session, or too long ago: the page says to sign in again. */
    private static void renderExpired(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.render("account/second-factor.ftlh", Map.of("expired", true, "error", Map.of()));
    }

    private record Challenge(String visitorId, String customerId, String next) {
    }
}
