package org.kontor.host.orders;

import java.time.Duration;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;

/**
 * Keeps orders moving: sends the pre-registrations whose general availability has begun, in the order they were
 * placed (ORD-7), brings lines the registry decides later up to date, and picks up what a stopped host left.
 */
public final class OrderJob implements ScheduledJob {

    private static final int PRE_REGISTRATIONS_PER_RUN = 200;

    private final OrderFulfilment fulfilment;
    private final OrderStore orders;
    private final Duration interval;
    private final Duration grace;

    public OrderJob(OrderFulfilment fulfilment, OrderStore orders, Duration interval, Duration grace) {
        this.fulfilment = fulfilment;
        this.orders = orders;
        this.interval = interval;
        this.grace = grace;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public void run(JobRun run) {
        fulfilment.sendDuePreRegistrations(PRE_REGISTRATIONS_PER_RUN);
        for (Order order : orders.inState(java.util.List.of(OrderState.PROVISIONING))) {
            fulfilment.refresh(order.id());
        }
        fulfilment.recover(grace);
    }
}
