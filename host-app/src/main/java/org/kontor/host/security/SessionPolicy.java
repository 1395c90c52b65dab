package org.kontor.host.security;

import java.time.Duration;

/**
 * How long browser sessions live.
 *
 * @param idle     a session not used for this long is over
 * @param absolute a session is over this long after it began (for a signed-in one: after sign-in), used or not
 */
public record SessionPolicy(Duration idle, Duration absolute) {

    public SessionPolicy {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("a session needs a positive idle time no longer than its lifetime");
        }
    }

    /**
     * How stale the recorded last use may get before a request writes it again: a tenth of the idle time, at most a
     * minute, so that not every request writes.
     */
    Duration touchAfter() {
        Duration tenth = idle.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }
}
