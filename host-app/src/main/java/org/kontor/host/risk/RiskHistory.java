package org.kontor.host.risk;

import java.util.List;
import java.util.Optional;
import org.kontor.api.risk.RiskSubject;

/** The assessments kept for an order or a top-up, and the release of a held one by staff. */
@FunctionalInterface
public interface RiskHistory {

    RiskHistory NONE = reference -> List.of();

    /** The assessments of this order or top-up id, oldest first. */
    List<RiskRecord> of(String reference);

    /** The latest assessments of one kind that reached the threshold, newest first; none by default. */
    default List<RiskRecord> held(RiskSubject.Kind kind, int limit) {
        return List.of();
    }

    /**
     * A staff member lets the subject of a held assessment go ahead (a top-up may then be paid); false when there is
     * no such held assessment, or it was released already. Nothing can be released by default.
     */
    default boolean release(String assessmentId, String staffId, String note, java.time.Instant at) {
        return false;
    }

    /** The one to show: the latest that held it, else the latest. */
    default Optional<RiskRecord> shown(String reference) {
        List<RiskRecord> all = of(reference);
        Optional<RiskRecord> held = all.stream().filter(RiskRecord::held).reduce((first, second) -> second);
        return held.isPresent() ? held : all.stream().reduce((first, second) -> second);
    }
}
