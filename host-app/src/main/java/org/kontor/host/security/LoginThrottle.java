package org.kontor.host.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing per account: after {@code maxFailures} failed sign-ins for one e-mail address within
 * {@code window}, every sign-in for it is refused until {@code window} after the last failure, the right password
 * included. Addresses without an account are counted the same way, so the answer never tells which exist. Kept in
 * the database, so several hosts count together.
 */
public final class LoginThrottle {

    private final Jdbi jdbi;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    public LoginThrottle(Jdbi jdbi, Clock clock, int maxFailures, Duration window) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a throttle needs at least one failure and a window");
        }
        this.jdbi = jdbi;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Five failures within 15 minutes lock an address for 15 minutes after the last one. */
    public static LoginThrottle standard(Jdbi jdbi, Clock clock) {
        return new LoginThrottle(jdbi, clock, 5, Duration.ofMinutes(15));
    }

    /** How long sign-ins for the address stay refused; empty when they are allowed now. */
    public Optional<Duration> lockedFor(String emailKey) {
        Instant now = clock.instant();
        List<Long> recent = jdbi.withHandle(h -> h.createQuery("""
                        SELECT failed_at FROM login_failure WHERE email_key = :key AND failed_at > :since
                        ORDER BY failed_at DESC""")
                .bind("key", emailKey)
                .bind("since", now.minus(window).toEpochMilli())
                .setMaxRows(maxFailures)
                .mapTo(Long.class)
                .list());
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, Instant.ofEpochMilli(recent.get(0)).plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    public void recordFailure(String emailKey) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO login_failure (email_key, failed_at) VALUES (:key, :at)")
                .bind("key", emailKey)
                .bind("at", clock.millis())
                .execute());
    }

    /** Forgets the address's failures after a successful sign-in. */
    public void clear(String emailKey) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_failure WHERE email_key = :key").bind("key", emailKey).execute());
    }

    /** Deletes failures too old to count any more; returns how many. */
    public int forgetOld() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM login_failure WHERE failed_at <= :before")
                .bind("before", clock.instant().minus(window).toEpochMilli())
                .execute());
    }
}
