package org.kontor.plugins.riskbasic;

import java.time.Duration;
import org.kontor.api.PluginContext;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.pf4j.Extension;

/** Deletes the velocity check's observations older than the kept days (never those within the window), hourly. */
@Extension
public class ObservationPruneJob implements ScheduledJob {

    private final PluginContext context;

    public ObservationPruneJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "prune-observations";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofHours(1));
    }

    @Override
    public void run(JobRun run) {
        RiskBasicConfig config = new RiskBasicConfig(context.settings());
        int deleted = new ObservationStore(context.jdbi(), context.tablePrefix())
                .prune(context.clock().instant().minus(config.keep()));
        if (deleted > 0) {
            context.logger().info("Deleted {} velocity observation(s) older than {}", deleted, config.keep());
        }
    }
}
