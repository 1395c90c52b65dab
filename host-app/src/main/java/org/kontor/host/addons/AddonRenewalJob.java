package org.kontor.host.addons;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/** Issues the renewal invoices of add-on services whose paid period ends within the notice. */
public final class AddonRenewalJob implements ScheduledJob {

    private static final int SERVICES_PER_RUN = 500;

    private final AddonRenewals renewals;
    private final Duration notice;
    private final Duration interval;

    public AddonRenewalJob(AddonRenewals renewals, Duration notice, Duration interval) {
        this.renewals = renewals;
        this.notice = notice;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "addon-renewals";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public void run(JobRun run) {
        renewals.invoiceDue(notice, SERVICES_PER_RUN);
    }
}
