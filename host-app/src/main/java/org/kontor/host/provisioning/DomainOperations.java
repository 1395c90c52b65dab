package org.kontor.host.provisioning;

import java.util.List;
import java.util.Optional;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.host.provisioning.DomainOperationStore.OutcomeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs a domain operation paid from a funding source, in the order that survives a crash at any
 * point: record the intent and commit → hold the price (its own transaction) → mark HELD and commit →
 * call the registry outside any transaction under the operation's key → capture, release or leave the
 * hold by the answer. What a crash or an unknown answer leaves behind, {@link DomainOperationJanitor}
 * settles by asking the registry.
 */
public final class DomainOperations {

    private static final Logger LOG = LoggerFactory.getLogger(DomainOperations.class);

    private final DomainOperationStore store;
    private final ProvisioningTargets targets;
    private final OperationSettlement settlement;

    public DomainOperations(DomainOperationStore store, ProvisioningTargets targets) {
        this.store = store;
        this.targets = targets;
        this.settlement = new OperationSettlement(store);
    }

    /**
     * Performs the operation once. The same key again returns the recorded operation and calls nothing.
     *
     * @return the operation as it stands afterwards: COMPLETED, FAILED, UNSETTLED, HELD_FOR_REVIEW, or HELD
     *         when the registry did it but the capture failed (the janitor captures later)
     * @throws InsufficientFundsException the funds do not cover it; the operation is REFUSED, nothing was held
     *                                    and the registry was not called
     * @throws ProvisioningException      no registry serves the TLD or the funding source is not running;
     *                                    nothing was recorded
     */
    public DomainOperation perform(DomainOperationRequest request) throws InsufficientFundsException {
        RegistryCommand command = request.command();
        IdempotencyKey key = command.key();
        DomainRegistry registry = targets.registryFor(command.domain().tld()).orElseThrow(() ->
                new ProvisioningException("no running registry plugin serves ." + command.domain().tld()));
        FundingSource funding = targets.fundingSource(request.fundingSourceId()).orElseThrow(() ->
                new ProvisioningException("the funding source '" + request.fundingSourceId() + "' is not running"));
        if (!store.record(request, registry.registryId())) {
            return current(key);
        }

        try {
            if (request.amount().isPositive()) {
                funding.hold(request.fundingRequest());
            }
        } catch (InsufficientFundsException e) {
            store.transition(key, OperationState.RECORDED, OperationState.REFUSED,
                    OutcomeInfo.host("insufficient-funds", e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            // The hold's own transaction rolled back; the key may belong to someone else's hold (a reused
            // key), so nothing is released here.
            store.transition(key, OperationState.RECORDED, OperationState.FAILED, OutcomeInfo.host("hold-failed", e.getMessage()));
            throw e;
        }
        if (!store.transition(key, OperationState.RECORDED, OperationState.HELD, null)) {
            return current(key); // a janitor took it for stale meanwhile: never call the registry now
        }

        Outcome<?> outcome;
        try {
            outcome = command.sendTo(registry);
        } catch (RuntimeException e) {
            LOG.warn("Registry {} failed on {} {} ({}); its status is asked later", registry.registryId(),
                    command.kind(), command.domain(), key, e);
            outcome = Outcome.undefined("the registry call failed: " + e);
        }
        try {
            settlement.apply(current(key), OperationState.HELD, funding, outcome);
        } catch (RuntimeException e) {
            LOG.error("Could not settle domain operation {} after the registry answered {}; the janitor settles it",
                    key, outcome.status(), e);
        }
        return current(key);
    }

    public Optional<DomainOperation> find(IdempotencyKey key) {
        return store.find(key);
    }

    /**
     * Settles an open operation from what the registry told later (a poll message: a create approved or
     * rejected, a transfer completed), exactly as the janitor would from {@link DomainRegistry#status}.
     * An operation in a final state is left as it is, so telling twice changes nothing.
     *
     * @return the operation's state afterwards; empty when there is no operation under {@code key}
     */
    public Optional<OperationState> settle(IdempotencyKey key, Outcome<?> outcome) {
        Optional<DomainOperation> found = store.find(key);
        if (found.isEmpty() || found.get().state().isFinal() || found.get().state() == OperationState.RECORDED) {
            return found.map(DomainOperation::state);
        }
        DomainOperation operation = found.get();
        FundingSource funding = targets.fundingSource(operation.fundingSourceId()).orElseThrow(() ->
                new ProvisioningException("the funding source '" + operation.fundingSourceId() + "' is not running"));
        return Optional.of(settlement.apply(operation, operation.state(), funding, outcome));
    }

    /** The operations on this domain that are not settled yet, oldest first. */
    public List<DomainOperation> openOn(DomainName domain) {
        return store.openOn(domain);
    }

    private DomainOperation current(IdempotencyKey key) {
        return store.find(key).orElseThrow();
    }
}
