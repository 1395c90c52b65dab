package org.kontor.host.provisioning;

import java.util.List;
import java.util.Optional;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.FundingHold;
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

    /** Outcome codes of parked operations that a retry cannot mend: the registry did it, or the money was taken. */
    private static final java.util.Set<String> NOT_RETRYABLE = java.util.Set.of("unpaid", "charged-not-done");

    /**
     * Whether a person may send a parked operation to the registry again: the registry did not do it, and its money is
     * still held (or it is free of charge). A hold the settlement gave back (a 2104 on a prepaid account) cannot be
     * made again under the same key, so such an operation can only be rejected.
     */
    public boolean retryable(DomainOperation operation) {
        if (operation.state() != OperationState.HELD_FOR_REVIEW || NOT_RETRYABLE.contains(operation.outcomeCode())) {
            return false;
        }
        if (!operation.amount().isPositive()) {
            return true;
        }
        return targets.fundingSource(operation.fundingSourceId()).flatMap(funding -> funding.find(operation.key()))
                .filter(hold -> hold.state() == FundingHold.State.ACTIVE).isPresent();
    }

    /**
     * The key a retry of a parked operation is sent to the registry under (its clTRID): the operation's own key with a
     * suffix that differs for every release. The operation, its hold and what the janitor asks about keep the
     * operation's key; only the registry sees a new transaction id, because registries want a unique one per command
     * and some (the sandbox among them) answer a repeated one with the stored answer, which for a parked operation is
     * the refusal it was parked for.
     */
    public static IdempotencyKey retryKey(DomainOperation operation) {
        String suffix = "r" + Long.toString(operation.updatedAt().toEpochMilli(), 36);
        String base = operation.key().value();
        if (base.length() + 1 + suffix.length() > 64) {
            base = sha256(base).substring(0, 63 - suffix.length());
        }
        return IdempotencyKey.derive(base, suffix);
    }

    /**
     * Sends an operation parked for review to the registry again after a person released it in the clearing center;
     * the answer is settled as on the first try (a second 2104 parks it again). It stays the same operation under the
     * same key: nothing is recorded or held twice.
     *
     * @param commandFor builds the operation's command under the key given (see {@link #retryKey})
     * @return the operation as it stands afterwards
     * @throws IllegalStateException the operation is not parked or cannot be retried (see {@link #retryable})
     */
    public DomainOperation retry(IdempotencyKey key, java.util.function.Function<IdempotencyKey, RegistryCommand> commandFor) {
        DomainOperation operation = current(key);
        if (!retryable(operation)) {
            throw new IllegalStateException("domain operation " + key.value() + " cannot be retried");
        }
        DomainRegistry registry = targets.registry(operation.registryId()).orElseThrow(() ->
                new ProvisioningException("the registry '" + operation.registryId() + "' is not running"));
        FundingSource funding = targets.fundingSource(operation.fundingSourceId()).orElseThrow(() ->
                new ProvisioningException("the funding source '" + operation.fundingSourceId() + "' is not running"));
        IdempotencyKey transaction = retryKey(operation);
        RegistryCommand command = commandFor.apply(transaction);
        if (!command.key().equals(transaction) || !command.domain().equals(operation.domain())
                || command.kind() != operation.kind()) {
            throw new IllegalArgumentException("the retried command is not operation " + key.value() + "'s");
        }
        if (!store.transition(key, OperationState.HELD_FOR_REVIEW, OperationState.HELD,
                OutcomeInfo.host("released", "released after review; sent again as " + transaction.value()))) {
            return current(key); // someone else decided meanwhile
        }
        Outcome<?> outcome;
        try {
            outcome = command.sendTo(registry);
        } catch (RuntimeException e) {
            LOG.warn("Registry {} failed on the retried {} {} ({}); its status is asked later", registry.registryId(),
                    command.kind(), command.domain(), key, e);
            outcome = Outcome.undefined("the registry call failed: " + e);
        }
        try {
            settlement.apply(current(key), OperationState.HELD, funding, outcome);
        } catch (RuntimeException e) {
            LOG.error("Could not settle the retried domain operation {}; the janitor settles it", key, e);
        }
        return current(key);
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rejects an operation parked for review: what is still held for it is given back and it fails, with the
     * person's reason. A hold already captured stays captured (a refund goes through billing).
     *
     * @return the operation as it stands afterwards
     * @throws IllegalStateException the operation is not parked for review
     */
    public DomainOperation reject(IdempotencyKey key, String reason) {
        DomainOperation operation = current(key);
        if (operation.state() != OperationState.HELD_FOR_REVIEW) {
            throw new IllegalStateException("domain operation " + key.value() + " is not held for review");
        }
        Optional<FundingSource> funding = targets.fundingSource(operation.fundingSourceId());
        if (operation.amount().isPositive() && funding.isEmpty()) {
            throw new ProvisioningException("the funding source '" + operation.fundingSourceId() + "' is not running");
        }
        funding.flatMap(source -> source.find(key).filter(hold -> hold.state() == FundingHold.State.ACTIVE)
                .map(hold -> source)).ifPresent(source -> source.release(key));
        store.transition(key, OperationState.HELD_FOR_REVIEW, OperationState.FAILED,
                new OutcomeInfo(operation.outcomeStatus(), "rejected", "rejected after review: " + reason, null));
        return current(key);
    }

    /** The operations parked for a person in the clearing center, oldest first. */
    public List<DomainOperation> heldForReview() {
        return store.inState(OperationState.HELD_FOR_REVIEW);
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
