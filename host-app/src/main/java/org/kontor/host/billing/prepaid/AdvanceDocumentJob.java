package org.kontor.host.billing.prepaid;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/**
 * {@code host:prepaid-advance-documents}: issues the advance tax documents that are due (after the configured delay,
 * or those whose immediate issue failed).
 */
public final class AdvanceDocumentJob implements ScheduledJob {

    private final AdvanceDocuments advances;

    public AdvanceDocumentJob(AdvanceDocuments advances) {
        this.advances = advances;
    }

    @Override
    public String name() {
        return "prepaid-advance-documents";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofHours(1));
    }

    @Override
    public void run(JobRun run) {
        advances.issueDue();
    }
}
