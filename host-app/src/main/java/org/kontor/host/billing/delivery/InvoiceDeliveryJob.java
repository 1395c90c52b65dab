package org.kontor.host.billing.delivery;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/**
 * {@code host:invoice-delivery}: delivers issued documents that have no delivery yet, follows the e-mails' states and
 * posts the letters that are due.
 */
public final class InvoiceDeliveryJob implements ScheduledJob {

    private final InvoiceDeliveries deliveries;
    private final Duration interval;

    public InvoiceDeliveryJob(InvoiceDeliveries deliveries, Duration interval) {
        this.deliveries = deliveries;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "invoice-delivery";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public void run(JobRun run) {
        deliveries.runDue();
    }
}
