package org.kontor.plugins.sepa.file;

import java.time.LocalTime;
import java.time.ZoneOffset;
import org.kontor.api.PluginContext;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.plugins.sepa.Sepa;
import org.kontor.plugins.sepa.SepaSettings;
import org.pf4j.Extension;

/** Writes the day's collection file at 05:00 UTC, once the creditor is configured. */
@Extension
public class CollectionFileJob implements ScheduledJob {

    private final PluginContext context;

    public CollectionFileJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "collection-file";
    }

    @Override
    public Schedule schedule() {
        return Schedule.dailyAt(LocalTime.of(5, 0), ZoneOffset.UTC);
    }

    @Override
    public void run(JobRun run) {
        if (context.settings().get(SepaSettings.CREDITOR_ID).isEmpty()) {
            context.logger().info("No collection file: the creditor identifier is not configured");
            return;
        }
        Sepa.of(context).files().produce("job").ifPresent(file -> context.logger()
                .info("Collection file {} with {} collections, {} EUR", file.messageId(), file.transactions(),
                        file.controlSum().toPlainString()));
    }
}
