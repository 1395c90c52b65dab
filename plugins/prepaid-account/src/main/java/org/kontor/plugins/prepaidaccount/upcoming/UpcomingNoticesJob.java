package org.kontor.plugins.prepaidaccount.upcoming;

import java.time.Duration;
import org.kontor.api.PluginContext;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.pf4j.Extension;

/** Sends the upcoming-payment notices, one per domain and expiry (PA-11, PA-12), every hour. */
@Extension
public class UpcomingNoticesJob implements ScheduledJob {

    private final PluginContext context;

    public UpcomingNoticesJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "upcoming-notices";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofHours(1));
    }

    @Override
    public void run(JobRun run) {
        int sent = Upcomings.of(context).sendNotices();
        if (sent > 0) {
            context.logger().info("Queued {} upcoming-payment notices", sent);
        }
    }
}
