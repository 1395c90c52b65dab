package org.kontor.api.risk;

import java.util.Objects;

/**
 * One reason for risk points, as the clearing center shows it.
 *
 * @param code    a stable code, e.g. {@code velocity.ip} or {@code geoip.country-mismatch}
 * @param points  how much it adds (zero for a reason that is only noted)
 * @param message what a person reviewing the order reads, in English
 */
public record RiskReason(String code, int points, String message) {

    public RiskReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (points < 0) {
            throw new IllegalArgumentException("points: must not be negative, was " + points);
        }
    }
}
