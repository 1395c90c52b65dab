package org.kontor.host.risk;

import java.util.List;
import java.util.UUID;

/** Assesses what the host is about to do; {@link #NONE} on a host built without risk checks. */
@FunctionalInterface
public interface RiskAssessor {

    /** Asks nothing and keeps nothing: every request scores 0 and is never held. */
    RiskAssessor NONE = request -> new RiskRecord(UUID.randomUUID().toString(), request.kind(), request.reference(),
            request.customerId(), 0, 0, false, List.of(), java.time.Instant.now());

    /** Asks every running check, outside any transaction, and keeps the result. */
    RiskRecord assess(RiskRequest request);
}
