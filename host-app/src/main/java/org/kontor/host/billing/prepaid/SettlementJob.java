package org.kontor.host.billing.prepaid;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/** {@code host:prepaid-settlements}: settles the closed account-months whose draws are complete. */
public final class SettlementJob implements ScheduledJob {

    private final Settlements settlements;

    public SettlementJob(Settlements settlements) {
        this.settlements = settlements;
    }

    @Override
    public String name() {
        return "prepaid-settlements";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofMinutes(30));
    }

    /** A month's settlements with their PDFs may take a while on a large installation. */
    @Override
    public Duration lease() {
        return Duration.ofHours(2);
    }

    @Override
    public void run(JobRun run) throws InterruptedException {
        settlements.run();
    }
}
