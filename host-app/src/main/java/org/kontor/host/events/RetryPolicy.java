package org.kontor.host.events;

import java.time.Duration;

/**
 * How often and how late a failing listener is called again.
 *
 * @param maxAttempts     attempts in all, the first included; after the last failure the delivery gives up
 * @param firstDelay      the wait after the first failure; it doubles with each further failure
 * @param maxDelay        the longest wait between attempts
 * @param inFlightTimeout how long an attempt that never reported back (a host died) blocks the next one
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration inFlightTimeout) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay");
        }
    }

    /** Ten attempts, from 30 seconds to at most 6 hours apart. */
    public static RetryPolicy standard() {
        return new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofMinutes(10));
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
