package org.kontor.host.addons;

import java.time.Duration;
import java.util.function.Consumer;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * Keeps add-on services moving: sends the operations due (again, with their keys, after an UNDEFINED answer), asks the
 * provisioner about those it confirms later, terminates services whose cancellation is due, and then brings the orders
 * of services being set up up to date.
 */
public final class AddonProvisioningJob implements ScheduledJob {

    private static final int OPERATIONS_PER_RUN = 200;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AddonProvisioningJob.class);

    private final ServiceOperations operations;
    private final Consumer<String> orderRefresh;
    private final Duration interval;

    /** @param orderRefresh brings an order's lines up to date with its services, by order id */
    public AddonProvisioningJob(ServiceOperations operations, Consumer<String> orderRefresh, Duration interval) {
        this.operations = operations;
        this.orderRefresh = orderRefresh;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "addon-provisioning";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public void run(JobRun run) {
        java.util.Set<String> orders = new java.util.LinkedHashSet<>();
        for (IdempotencyKey key : operations.store().due(java.time.Instant.now(operations.clock()), OPERATIONS_PER_RUN)) {
            try {
                ServiceOperation done = operations.run(key);
                if (done.action() == ServiceAct.CREATE && done.state().isFinal()) {
                    operations.store().find(done.serviceId()).ifPresent(service -> orders.add(service.orderId()));
                }
            } catch (RuntimeException e) {
                LOG.warn("Service operation {} could not be taken up; the next run tries again", key, e);
            }
        }
        operations.terminateDueCancellations();
        orders.forEach(orderRefresh);
    }
}
