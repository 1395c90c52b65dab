package org.kontor.host.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * One phase of a TLD's launch, from {@code startsAt} (inclusive) to {@code endsAt} (exclusive).
 *
 * @param endsAt null when the phase has no end (general availability usually)
 */
public record LaunchPhase(Phase phase, Instant startsAt, Instant endsAt) {

    public LaunchPhase {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(startsAt, "startsAt");
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(startsAt) && (endsAt == null || instant.isBefore(endsAt));
    }
}
