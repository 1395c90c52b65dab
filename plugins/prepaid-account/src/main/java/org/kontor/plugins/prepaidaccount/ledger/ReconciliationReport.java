package org.kontor.plugins.prepaidaccount.ledger;

import java.time.Instant;
import java.util.List;

/**
 * What a reconciliation found.
 *
 * @param problems   one sentence per mismatch between a cache and the entries or holds
 * @param staleHolds keys of active holds past their expiry
 */
public record ReconciliationReport(Instant at, int accounts, List<String> problems, List<String> staleHolds) {

    public ReconciliationReport {
        problems = List.copyOf(problems);
        staleHolds = List.copyOf(staleHolds);
    }

    /** Whether everything adds up and nothing is stale. */
    public boolean clean() {
        return problems.isEmpty() && staleHolds.isEmpty();
    }
}
