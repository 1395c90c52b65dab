package org.kontor.plugins.prepaidaccount.renewal;

import java.time.Duration;
import org.kontor.api.PluginContext;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.plugins.prepaidaccount.upcoming.Upcomings;
import org.pf4j.Extension;

/**
 * Renews the domains of resellers who chose automatic renewal (PA-12) the configured number of days before expiry,
 * drawing on their accounts; never twice for one expiry (the key is derived from domain and expiry).
 */
@Extension
public class AutoRenewJob implements ScheduledJob {

    private final PluginContext context;

    public AutoRenewJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "auto-renew";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofHours(1));
    }

    @Override
    public void run(JobRun run) {
        int renewed = Upcomings.of(context).autoRenew(Upcomings.autoRenewAhead(context));
        if (renewed > 0) {
            context.logger().info("Renewed {} domains automatically", renewed);
        }
    }
}
