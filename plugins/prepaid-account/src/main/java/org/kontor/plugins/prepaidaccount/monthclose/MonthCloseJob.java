package org.kontor.plugins.prepaidaccount.monthclose;

import java.time.LocalTime;
import java.time.ZoneId;
import org.kontor.api.PluginContext;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.plugins.prepaidaccount.PrepaidLedgers;
import org.kontor.plugins.prepaidaccount.PrepaidSettings;
import org.pf4j.Extension;

/** Closes past months of the prepaid accounts once a day, shortly after midnight in the operator's zone. */
@Extension
public class MonthCloseJob implements ScheduledJob {

    private final PluginContext context;

    public MonthCloseJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "month-close";
    }

    @Override
    public Schedule schedule() {
        return Schedule.dailyAt(LocalTime.of(0, 30), zone());
    }

    @Override
    public void run(JobRun run) {
        var closed = new MonthClose(context.jdbi(), context.clock(), context.events(), PrepaidLedgers.of(context), zone())
                .closeDueMonths();
        context.logger().info("Month close: {} account month(s) closed", closed.size());
    }

    private ZoneId zone() {
        return ZoneId.of(context.settings().get(PrepaidSettings.ZONE).orElse(PrepaidSettings.DEFAULT_ZONE));
    }
}
