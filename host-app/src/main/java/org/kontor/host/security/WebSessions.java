package org.kontor.host.security;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side browser sessions in {@code web_session}. The cookie {@value #COOKIE} carries 256 random bits
 * (HttpOnly, SameSite=Lax, Secure when the request came over https or the public address is https); only the token's SHA-256 digest is stored, so a
 * copy of the database lets nobody take over a session. A session ends when idle for longer than the policy allows,
 * at its absolute end, or at sign-out; sign-in always starts a new token (no session fixation).
 *
 * <p>Anonymous visitors get a session too, created on first need ({@link #start}, {@link #visitorId},
 * {@link #csrfToken}): its {@link WebSession#visitorId()} keys what a visitor collects before signing in (a cart) and
 * stays the same when the visitor signs in; {@link #onSignIn} tells listeners who signed in with which visitor id.
 *
 * <p>As an {@link Authenticator} it names the signed-in customer with the role their account has now.
 */
public final class WebSessions implements Authenticator {

    public static final String COOKIE = "kontor_session";
    private static final String ATTRIBUTE = "kontor.web-session";
    private static final Pattern TOKEN_FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Logger log = LoggerFactory.getLogger(WebSessions.class);
    /**
     * How long a visitor's session (nobody signed in) is taken from memory instead of the database. A visitor session
     * grants nothing but a cart and a CSRF token, so a few seconds' staleness is harmless; it spares the cached
     * storefront pages a database read per request. Signed-in sessions are always read from the database, so a
     * sign-out or an account change takes effect at once on every host.
     */
    private static final Duration VISITOR_MEMO = Duration.ofSeconds(5);
    private static final int VISITOR_MEMO_ENTRIES = 10_000;

    /** Told after a sign-in, e.g. to move a visitor's cart to the customer. */
    @FunctionalInterface
    public interface SignInListener {
        void signedIn(String visitorId, String customerId);
    }

    /** A request's session with the token its cookie carries. */
    private record Resolved(String token, String digest, WebSession session) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;
    private final SessionPolicy policy;
    private final boolean alwaysSecure;
    private final Function<String, Optional<Access>> roles;
    private final List<SignInListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Remembered> visitors = new ConcurrentHashMap<>();
    /** One HMAC per thread: {@code Mac.getInstance} takes a lock shared by the whole runtime, too slow per request. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(WebSessions::newMac);

    /**
     * @param roles the role a customer's account has now (CUSTOMER or RESELLER), empty when there is no such account
     */
    public WebSessions(Jdbi jdbi, Clock clock, SecureRandom random, SessionPolicy policy,
                       Function<String, Optional<Access>> roles) {
        this(jdbi, clock, random, policy, roles, false);
    }

    /**
     * @param alwaysSecure mark the cookie Secure on every response, e.g. because the public address is https (a
     *                     proxy in front may speak plain http to the host without saying so)
     */
    public WebSessions(Jdbi jdbi, Clock clock, SecureRandom random, SessionPolicy policy,
                       Function<String, Optional<Access>> roles, boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
        this.policy = policy;
        this.roles = roles;
    }

    public SessionPolicy policy() {
        return policy;
    }

    public void onSignIn(SignInListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** The request's live session, if its cookie names one; never creates one. */
    public Optional<WebSession> current(Context ctx) {
        return resolve(ctx).map(Resolved::session);
    }

    /** The request's session, created now (with its cookie) for a visitor who has none. */
    public WebSession start(Context ctx) {
        return resolveOrStart(ctx).session();
    }

    /** The visitor id of the request's session, which is created if there is none. */
    public String visitorId(Context ctx) {
        return start(ctx).visitorId();
    }

    /** The visitor id if the request has a session already. */
    public Optional<String> existingVisitorId(Context ctx) {
        return current(ctx).map(WebSession::visitorId);
    }

    /**
     * Signs the customer in: the request's session (if any) is deleted and a new one with a new token is started,
     * keeping the visitor id unless another customer was signed in on it. Listeners are told afterwards.
     */
    public WebSession signIn(Context ctx, String customerId) {
        Objects.requireNonNull(customerId, "customerId");
        Optional<Resolved> previous = resolve(ctx);
        String visitorId = previous.map(Resolved::session)
                .filter(session -> session.customerId() == null || session.customerId().equals(customerId))
                .map(WebSession::visitorId)
                .orElseGet(this::newVisitorId);
        Resolved next = jdbi.inTransaction(h -> {
            previous.ifPresent(old -> delete(h, old.digest()));
            return insert(h, visitorId, customerId);
        });
        establish(ctx, next);
        for (SignInListener listener : listeners) {
            try {
                listener.signedIn(visitorId, customerId);
            } catch (RuntimeException e) {
                log.warn("A sign-in listener failed for customer {}", customerId, e);
            }
        }
        return next.session();
    }

    /** Ends the request's session, if any, and clears its cookie. */
    public void signOut(Context ctx) {
        resolve(ctx).ifPresent(found -> jdbi.useHandle(h -> delete(h, found.digest())));
        ctx.attribute(ATTRIBUTE, Optional.empty());
        ctx.removeCookie(COOKIE, "/");
    }

    /** Ends every session of the customer on every host, e.g. after a password change; returns how many. */
    public int endAllOf(String customerId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_session WHERE customer_id = :customer")
                .bind("customer", customerId)
                .execute());
    }

    /**
     * The CSRF token of the request's session (started now if there is none): an HMAC of the session's token, so it is
     * bound to the session, changes with it, and needs no storage.
     */
    public String csrfToken(Context ctx) {
        return csrfTokenOf(resolveOrStart(ctx).token());
    }

    /** Whether the request has a live session and {@code sent} is its CSRF token. */
    public boolean csrfTokenMatches(Context ctx, String sent) {
        Optional<Resolved> found = resolve(ctx);
        if (found.isEmpty() || sent == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfTokenOf(found.get().token()).getBytes(StandardCharsets.US_ASCII),
                sent.strip().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Optional<Caller> authenticate(Context ctx) {
        return current(ctx).filter(WebSession::signedIn)
                .flatMap(session -> roles.apply(session.customerId()).map(role -> new Caller(session.customerId(), role)));
    }

    /** Deletes the sessions that are over; returns how many. */
    public int deleteExpired() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_session WHERE expires_at <= :now OR last_seen_at <= :idleSince")
                .bind("now", now.toEpochMilli())
                .bind("idleSince", now.minus(policy.idle()).toEpochMilli())
                .execute());
    }

    // ---------------------------------------------------------------- internals

    private Optional<Resolved> resolve(Context ctx) {
        Optional<Resolved> cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        Optional<Resolved> found = lookup(ctx.cookie(COOKIE));
        ctx.attribute(ATTRIBUTE, found);
        return found;
    }

    private Resolved resolveOrStart(Context ctx) {
        Optional<Resolved> found = resolve(ctx);
        if (found.isPresent()) {
            return found.get();
        }
        Resolved created = jdbi.inTransaction(h -> insert(h, newVisitorId(), null));
        remember(created.digest(), created.session(), clock.instant());
        establish(ctx, created);
        return created;
    }

    private Optional<Resolved> lookup(String token) {
        if (token == null || !TOKEN_FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        String digest = digest(token);
        Instant now = clock.instant();
        Remembered remembered = visitors.get(digest);
        if (remembered != null && now.isBefore(remembered.until()) && now.isBefore(remembered.session().expiresAt())) {
            return Optional.of(new Resolved(token, digest, remembered.session()));
        }
        Optional<WebSession> stored = jdbi.withHandle(h -> h.createQuery("""
                        SELECT visitor_id, customer_id, created_at, last_seen_at, expires_at
                        FROM web_session WHERE token_digest = :digest""")
                .bind("digest", digest)
                .map((rs, statement) -> new WebSession(rs.getString("visitor_id"), rs.getString("customer_id"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("last_seen_at")),
                        Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        WebSession session = stored.get();
        if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(policy.idle()))) {
            jdbi.useHandle(h -> delete(h, digest));
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt(), now).compareTo(policy.touchAfter()) >= 0) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE web_session SET last_seen_at = :now WHERE token_digest = :digest")
                    .bind("now", now.toEpochMilli())
                    .bind("digest", digest)
                    .execute());
            session = new WebSession(session.visitorId(), session.customerId(), session.createdAt(), now, session.expiresAt());
        }
        remember(digest, session, now);
        return Optional.of(new Resolved(token, digest, session));
    }

    private void remember(String digest, WebSession session, Instant now) {
        if (session.customerId() != null) {
            return;
        }
        if (visitors.size() >= VISITOR_MEMO_ENTRIES) {
            visitors.clear();
        }
        visitors.put(digest, new Remembered(session, now.plus(VISITOR_MEMO)));
    }

    /** A visitor session as read from the database, trusted until {@code until}. */
    private record Remembered(WebSession session, Instant until) {
    }

    private Resolved insert(Handle h, String visitorId, String customerId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String digest = digest(token);
        Instant now = clock.instant();
        Instant expires = now.plus(policy.absolute());
        h.createUpdate("""
                        INSERT INTO web_session (token_digest, visitor_id, customer_id, created_at, last_seen_at, expires_at)
                        VALUES (:digest, :visitor, :customer, :now, :now, :expires)""")
                .bind("digest", digest)
                .bind("visitor", visitorId)
                .bind("customer", customerId)
                .bind("now", now.toEpochMilli())
                .bind("expires", expires.toEpochMilli())
                .execute();
        return new Resolved(token, digest, new WebSession(visitorId, customerId, now, now, expires));
    }

    private void delete(Handle h, String digest) {
        visitors.remove(digest);
        h.createUpdate("DELETE FROM web_session WHERE token_digest = :digest").bind("digest", digest).execute();
    }

    private void establish(Context ctx, Resolved resolved) {
        ctx.attribute(ATTRIBUTE, Optional.of(resolved));
        ctx.cookie(new Cookie(COOKIE, resolved.token(), "/", -1, alwaysSecure || secure(ctx), true, null, SameSite.LAX));
    }

    /** Over https, directly or behind a proxy that says so; the flag only makes the cookie stricter. */
    private static boolean secure(Context ctx) {
        return ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private String newVisitorId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "v-" + HexFormat.of().formatHex(bytes);
    }

    private String csrfTokenOf(String sessionToken) {
        try {
            Mac mac = macs.get();
            mac.init(new SecretKeySpec(sessionToken.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal("kontor-csrf".getBytes(StandardCharsets.US_ASCII)));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a session token is no HMAC key", e);
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
