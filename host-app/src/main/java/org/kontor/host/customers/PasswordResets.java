package org.kontor.host.customers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.kontor.host.security.LoginThrottle;

/**
 * Forgotten passwords (CC-1): a reset link carries 256 random bits; only their SHA-256 digest is stored
 * ({@code password_reset}). A token works once and only until it expires; a successful reset marks the account's
 * other open tokens used too. Requests are throttled per address (counted whether or not an account has it), so the
 * form cannot be used to flood someone's mailbox.
 */
public final class PasswordResets {

    /** How long a reset link works. */
    public static final Duration VALIDITY = Duration.ofHours(1);
    private static final Pattern TOKEN_FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String THROTTLE_PREFIX = "reset:";

    /** A link to send: the account and the token (not stored). */
    public record Requested(Customer customer, String token, Instant expiresAt) {
    }

    /** What a reset attempt came to. */
    public sealed interface Outcome {
        /** The password was changed; the account's sessions must end. */
        record Done(Customer customer) implements Outcome {
        }

        /** The token is unknown, used or expired. */
        record InvalidToken() implements Outcome {
        }

        /** The new password was refused, per field ({@code password}, {@code password2}). */
        record Refused(Map<String, FieldError> errors) implements Outcome {
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;
    private final Customers customers;
    private final LoginThrottle throttle;

    /**
     * @param throttle counts reset requests per address; its keys are prefixed so they never mix with sign-in failures
     */
    public PasswordResets(Jdbi jdbi, Clock clock, SecureRandom random, Customers customers, LoginThrottle throttle) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
        this.customers = customers;
        this.throttle = throttle;
    }

    /**
     * Makes a reset token for the account with this address. Empty when there is no such account or the address asked
     * too often; the caller answers the same either way.
     */
    public Optional<Requested> request(String email) {
        String key = EmailAddresses.key(email);
        if (key.isEmpty() || throttle.lockedFor(THROTTLE_PREFIX + key).isPresent()) {
            return Optional.empty();
        }
        throttle.recordFailure(THROTTLE_PREFIX + key);
        Optional<Customer> customer = customers.findByEmail(email);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO password_reset (token_digest, customer_id, created_at, expires_at)
                        VALUES (:digest, :customer, :now, :expires)""")
                .bind("digest", digest(token))
                .bind("customer", customer.get().id())
                .bind("now", now.toEpochMilli())
                .bind("expires", expires.toEpochMilli())
                .execute());
        return Optional.of(new Requested(customer.get(), token, expires));
    }

    /** The account whose open, unexpired token this is. */
    public Optional<Customer> holder(String token) {
        if (token == null || !TOKEN_FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT customer_id FROM password_reset
                        WHERE token_digest = :digest AND used_at IS NULL AND expires_at > :now""")
                .bind("digest", digest(token))
                .bind("now", clock.millis())
                .mapTo(String.class)
                .findOne())
                .flatMap(customers::find);
    }

    /**
     * Sets a new password with the token, which is used up only when the password is accepted. The account's other
     * open tokens are used up with it.
     */
    public Outcome reset(String token, String password, String repeated) {
        Optional<Customer> customer = holder(token);
        if (customer.isEmpty()) {
            return new Outcome.InvalidToken();
        }
        Optional<FieldError> problem = Customers.passwordProblem(password, customer.get().email());
        if (problem.isPresent()) {
            return new Outcome.Refused(Map.of("password", problem.get()));
        }
        if (!password.equals(repeated)) {
            return new Outcome.Refused(Map.of("password2",
                    FieldError.of("password-mismatch", "does not match the new password")));
        }
        String hash = customers.hashPassword(password);
        long now = clock.millis();
        boolean done = jdbi.inTransaction(h -> {
            int claimed = h.createUpdate("""
                            UPDATE password_reset SET used_at = :now
                            WHERE token_digest = :digest AND used_at IS NULL AND expires_at > :now""")
                    .bind("now", now)
                    .bind("digest", digest(token))
                    .execute();
            if (claimed != 1) {
                return false;
            }
            h.createUpdate("UPDATE password_reset SET used_at = :now WHERE customer_id = :customer AND used_at IS NULL")
                    .bind("now", now)
                    .bind("customer", customer.get().id())
                    .execute();
            return Customers.storePasswordHash(h, customer.get().id(), hash);
        });
        return done ? new Outcome.Done(customer.get()) : new Outcome.InvalidToken();
    }

    /** Deletes tokens that expired more than a day ago; returns how many. */
    public int forgetOld() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM password_reset WHERE expires_at <= :before")
                .bind("before", clock.instant().minus(Duration.ofDays(1)).toEpochMilli())
                .execute());
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
