package org.kontor.host.risk;

import java.util.Objects;

/**
 * One reason of an assessment with the check that gave it.
 *
 * @param check   the check's id, e.g. {@code risk-basic.velocity}
 * @param code    the reason's code, e.g. {@code velocity.ip}
 * @param points  how much it added
 * @param message what a person reviewing reads
 */
public record AssessedReason(String check, String code, int points, String message) {

    /** The code of the reason noted for a check that failed; it adds no points. */
    public static final String CHECK_FAILED = "check-failed";

    public AssessedReason {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
