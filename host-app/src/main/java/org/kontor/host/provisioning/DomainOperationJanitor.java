package org.kontor.host.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.job.JobRun;
import org.kontor.api.job.Schedule;
import org.kontor.api.job.ScheduledJob;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.host.provisioning.DomainOperationStore.OutcomeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles domain operations that a crash or an unknown answer left open. UNSETTLED ones are asked about
 * on every run; RECORDED and HELD ones once they are older than the grace period, which must exceed the
 * longest registry call so that a live call is never taken for a dead one.
 *
 * <ul>
 *   <li>RECORDED: the registry was never called (the call happens only after HELD is committed), so any
 *   hold is released and the operation fails.</li>
 *   <li>HELD or UNSETTLED: {@link DomainRegistry#status} under the operation's key decides: PROCESSED
 *   captures, ERROR or CANCELED (including "no such operation") releases, PENDING or UNDEFINED leaves
 *   the hold for the next run.</li>
 * </ul>
 */
public final class DomainOperationJanitor implements ScheduledJob {

    private static final Logger LOG = LoggerFactory.getLogger(DomainOperationJanitor.class);
    private static final int BATCH = 200;

    private final DomainOperationStore store;
    private final ProvisioningTargets targets;
    private final OperationSettlement settlement;
    private final Clock clock;
    private final Duration grace;
    private final Duration interval;

    /**
     * @param grace    how long a RECORDED or HELD operation may stay untouched before it counts as abandoned
     * @param interval how often the janitor runs
     */
    public DomainOperationJanitor(DomainOperationStore store, ProvisioningTargets targets, Clock clock, Duration grace,
                                  Duration interval) {
        this.store = store;
        this.targets = targets;
        this.settlement = new OperationSettlement(store);
        this.clock = clock;
        this.grace = grace;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "domain-operation-janitor";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(interval);
    }

    @Override
    public void run(JobRun run) {
        settleOpenOperations();
    }

    /**
     * One pass over what is open.
     *
     * @return how many operations reached a final state
     */
    public int settleOpenOperations() {
        List<DomainOperation> open = store.toSettle(clock.instant().minus(grace), BATCH);
        int settled = 0;
        for (DomainOperation operation : open) {
            try {
                if (settle(operation).isFinal()) {
                    settled++;
                }
            } catch (RuntimeException e) {
                LOG.error("Could not settle domain operation {}; trying again on the next run", operation.key(), e);
            }
        }
        return settled;
    }

    private OperationState settle(DomainOperation operation) {
        Optional<FundingSource> funding = targets.fundingSource(operation.fundingSourceId());
        if (funding.isEmpty()) {
            LOG.warn("Domain operation {} waits: funding source '{}' is not running", operation.key(),
                    operation.fundingSourceId());
            return operation.state();
        }
        if (operation.state() == OperationState.RECORDED) {
            return settlement.abandon(operation, OperationState.RECORDED, funding.get(),
                    OutcomeInfo.host("interrupted", "the process stopped before the registry was called"));
        }
        Optional<DomainRegistry> registry = targets.registry(operation.registryId());
        if (registry.isEmpty()) {
            LOG.warn("Domain operation {} waits: registry '{}' is not running", operation.key(), operation.registryId());
            return operation.state();
        }
        Outcome<?> status;
        try {
            status = registry.get().status(operation.key(), operation.domain());
        } catch (RuntimeException e) {
            LOG.warn("Registry {} could not tell the status of {}; asking again on the next run",
                    operation.registryId(), operation.key(), e);
            return operation.state();
        }
        if (status.status().isUnsettled()) {
            LOG.info("Domain operation {} ({} {}) is still {} at registry {}; the hold stays", operation.key(),
                    operation.kind(), operation.domain(), status.status(), operation.registryId());
        }
        return settlement.apply(operation, operation.state(), funding.get(), status);
    }
}
