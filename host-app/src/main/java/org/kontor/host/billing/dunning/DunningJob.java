package org.kontor.host.billing.dunning;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/** The daily dunning run ({@code host:dunning}), registered when {@code billing.dunning.enabled} is true. */
public final class DunningJob implements ScheduledJob {

    private final DunningRuns runs;

    public DunningJob(DunningRuns runs) {
        this.runs = runs;
    }

    @Override
    public String name() {
        return "dunning";
    }

    @Override
    public Schedule schedule() {
        return Schedule.dailyAt(runs.config().runAt(), runs.config().zone());
    }

    @Override
    public Duration lease() {
        return Duration.ofMinutes(30);
    }

    @Override
    public void run(JobRun run) {
        DunningRunView result = runs.run(false);
        if (result.state() == RunState.FAILED) {
            throw new IllegalStateException("dunning run " + result.id() + " failed: " + result.error());
        }
    }
}
