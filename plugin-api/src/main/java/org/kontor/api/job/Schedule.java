package org.kontor.api.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/** When a job runs next. */
@FunctionalInterface
public interface Schedule {

    /** The first run time strictly after {@code previous}. */
    Instant nextAfter(Instant previous);

    /** Every {@code interval}, at least one second. */
    static Schedule every(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("interval must be at least one second, was " + interval);
        }
        return previous -> previous.plus(interval);
    }

    /** Once a day at {@code time} in {@code zone}, e.g. 03:00 Europe/Copenhagen. */
    static Schedule dailyAt(LocalTime time, ZoneId zone) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        return previous -> {
            ZonedDateTime local = previous.atZone(zone);
            ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
            if (!candidate.toInstant().isAfter(previous)) {
                candidate = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
            }
            return candidate.toInstant();
        };
    }
}
