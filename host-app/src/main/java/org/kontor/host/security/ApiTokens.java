package org.kontor.host.security;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.kontor.api.web.Caller;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.web.Access;

/**
 * Bearer tokens for the JSON API. A token is shown once when issued; only its SHA-256 digest is stored,
 * so a copy of the database does not reveal tokens. (A fast digest is right here: tokens are 256 random
 * bits, not passwords.)
 */
public final class ApiTokens implements Authenticator {

    private static final String PREFIX = "kontor_";

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;

    public ApiTokens(Jdbi jdbi, Clock clock, SecureRandom random) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
    }

    /** Issues a new random token for the subject; returns the token itself, which is not stored. */
    public String issue(String subject, Access role, String label) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        register(token, subject, role, label);
        return token;
    }

    /** Stores a token chosen by the operator (the demo data uses a known one). */
    public void register(String token, String subject, Access role, String label) {
        new Caller(subject, role);
        jdbi.useTransaction(handle -> handle.createUpdate("""
                        INSERT INTO api_token (token_digest, subject, role, label, created_at, revoked)
                        VALUES (:digest, :subject, :role, :label, :at, 0)
                        ON CONFLICT (token_digest) DO NOTHING
                        """)
                .bind("digest", digest(token))
                .bind("subject", subject)
                .bind("role", role.name())
                .bind("label", label)
                .bind("at", clock.millis())
                .execute());
    }

    /**
     * A token as its holder sees it: never the token itself.
     *
     * @param id the token's digest, which identifies it without revealing it
     */
    public record IssuedToken(String id, String label, java.time.Instant createdAt) {
    }

    /** The subject's tokens that still work, newest first. */
    public java.util.List<IssuedToken> activeOf(String subject) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT token_digest, label, created_at FROM api_token "
                        + "WHERE subject = :subject AND revoked = 0 ORDER BY created_at DESC, token_digest")
                .bind("subject", subject)
                .map((rs, statement) -> new IssuedToken(rs.getString("token_digest"), rs.getString("label"),
                        java.time.Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }

    /** Revokes one of the subject's own tokens by its id; false when the subject has no such working token. */
    public boolean revokeOwn(String subject, String id) {
        return jdbi.inTransaction(handle -> handle.createUpdate("UPDATE api_token SET revoked = 1 "
                        + "WHERE token_digest = :digest AND subject = :subject AND revoked = 0")
                .bind("digest", id == null ? "" : id)
                .bind("subject", subject)
                .execute() == 1);
    }

    public void revoke(String token) {
        jdbi.useTransaction(handle -> handle.createUpdate("UPDATE api_token SET revoked = 1 WHERE token_digest = :digest")
                .bind("digest", digest(token))
                .execute());
    }

    @Override
    public Optional<Caller> authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT subject, role FROM api_token WHERE token_digest = :digest AND revoked = 0")
                .bind("digest", digest(token))
                .map((rs, statement) -> new Caller(rs.getString("subject"), Access.valueOf(rs.getString("role"))))
                .findOne());
    }

    /** A bearer token travels in a header that the client adds itself; no browser sends it to another site's order. */
    @Override
    public boolean sentByBrowsers() {
        return false;
    }

    private static String digest(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
