package org.kontor.host.risk;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.kontor.api.risk.RiskSubject;

/**
 * One assessment as kept: what the checks gave, against the threshold of that time.
 *
 * @param held whether the score reached the threshold: the order waits for review, the top-up is refused
 */
public record RiskRecord(String id, RiskSubject.Kind kind, String reference, String customerId, int score,
                         int threshold, boolean held, List<AssessedReason> reasons, Instant assessedAt) {

    public RiskRecord {
        reasons = List.copyOf(reasons);
    }

    /** Whether a score reaches a threshold; a threshold of 0 or less holds nothing, nor does a score of 0. */
    public static boolean holds(int score, int threshold) {
        return threshold > 0 && score > 0 && score >= threshold;
    }

    /** {@code risk score 140 ≥ 100: velocity.ip (5 orders from 203.0.113.9 in 1 h), …}: the reasons with points. */
    public String summary() {
        String listed = reasons.stream().filter(reason -> reason.points() > 0)
                .map(reason -> reason.code() + " (" + reason.message() + ")").collect(Collectors.joining(", "));
        return "risk score " + score + (held ? " ≥ " : " < ") + threshold + (listed.isEmpty() ? "" : ": " + listed);
    }
}
