package org.kontor.host.billing.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A run as the operator sees it: its progress and what it did per invoice.
 *
 * @param total       the overdue, unpaid invoices the run looks at
 * @param lookedAt    how many of them it has looked at so far
 * @param mailsQueued notices queued (in a dry run: that would be queued)
 * @param error       why it failed, or null
 */
public record DunningRunView(String id, boolean dryRun, RunState state, LocalDate asOf, int total, int lookedAt,
                             int mailsQueued, String error, Instant startedAt, Instant finishedAt,
                             List<InvoiceResult> invoices) {

    public DunningRunView {
        invoices = List.copyOf(invoices);
    }
}
