package org.kontor.plugins.prepaidaccount;

import java.time.Duration;
import org.kontor.api.PluginContext;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.plugins.prepaidaccount.ledger.ReconciliationReport;
import org.pf4j.Extension;

/** Reconciles the ledger every hour and logs every finding as an error for the operator. */
@Extension
public class ReconciliationJob implements ScheduledJob {

    private final PluginContext context;

    public ReconciliationJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "reconciliation";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofHours(1));
    }

    @Override
    public void run(JobRun run) {
        ReconciliationReport report = new Reconciliation(context.jdbi(), context.clock()).run();
        report.problems().forEach(problem -> context.logger().error("Ledger reconciliation: {}", problem));
        report.staleHolds().forEach(key -> context.logger().error("Ledger reconciliation: hold {} is past its expiry", key));
        context.logger().info("Ledger reconciliation of {} accounts: {} problem(s), {} stale hold(s)",
                report.accounts(), report.problems().size(), report.staleHolds().size());
    }
}
