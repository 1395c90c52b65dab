package org.kontor.host.billing.orders;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Invoices completed orders that have no invoice yet: those whose invoicing failed or was cut off by a stop. */
public final class OrderInvoiceJob implements ScheduledJob {

    private static final Logger LOG = LoggerFactory.getLogger(OrderInvoiceJob.class);
    private static final int BATCH = 200;

    private final OrderInvoicing invoicing;
    private final Duration interval;

    public OrderInvoiceJob(OrderInvoicing invoicing, Duration interval) {
        this.invoicing = invoicing;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "order-invoices";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public Duration lease() {
        return Duration.ofMinutes(5);
    }

    @Override
    public void run(JobRun run) {
        for (String orderId : invoicing.uninvoiced(BATCH)) {
            try {
                invoicing.invoice(orderId);
            } catch (RuntimeException e) {
                LOG.error("Invoicing order {} failed; the next run tries again", orderId, e);
            }
        }
    }
}
