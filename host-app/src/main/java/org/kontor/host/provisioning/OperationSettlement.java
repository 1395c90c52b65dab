package org.kontor.host.provisioning;

import java.util.Optional;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.outcome.Outcome;
import org.kontor.host.provisioning.DomainOperationStore.OutcomeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a registry's answer into money: PROCESSED captures the hold, ERROR and CANCELED release it,
 * PENDING and UNDEFINED leave it. Shared by the live path and the janitor; every funding call is
 * idempotent by the operation's key, so settling twice moves money once.
 *
 * <p>Whatever does not add up — the registry did it but the hold is gone, or the customer was charged for
 * something the registry did not do, or the registry refused with 2104 "Billing failure" (the operator's
 * own account at the registry is short) — is parked as {@link OperationState#HELD_FOR_REVIEW} with an
 * error in the log, for a person in the clearing center. Parking never charges the customer.
 */
final class OperationSettlement {

    private static final Logger LOG = LoggerFactory.getLogger(OperationSettlement.class);

    /** EPP 2104 "Billing failure": the registrar's own funds at the registry did not cover the command. */
    static final String BILLING_FAILURE = "2104";

    private final DomainOperationStore store;

    OperationSettlement(DomainOperationStore store) {
        this.store = store;
    }

    /**
     * Applies the registry's answer to an operation currently in state {@code from}.
     *
     * @return the state the operation is in afterwards
     */
    OperationState apply(DomainOperation operation, OperationState from, FundingSource funding, Outcome<?> outcome) {
        OutcomeInfo info = OutcomeInfo.of(outcome);
        return switch (outcome.status()) {
            case PROCESSED -> capture(operation, from, funding, info);
            case ERROR -> BILLING_FAILURE.equals(outcome.code())
                    ? releaseAndPark(operation, from, funding, info)
                    : release(operation, from, funding, info, OperationState.FAILED);
            case CANCELED -> release(operation, from, funding, info, OperationState.FAILED);
            case PENDING, UNDEFINED -> move(operation, from, OperationState.UNSETTLED, info);
        };
    }

    /** Gives back whatever is held for an operation that never reached the registry, and fails it. */
    OperationState abandon(DomainOperation operation, OperationState from, FundingSource funding, OutcomeInfo reason) {
        return release(operation, from, funding, reason, OperationState.FAILED);
    }

    private OperationState capture(DomainOperation operation, OperationState from, FundingSource funding, OutcomeInfo info) {
        if (operation.amount().isZero()) {
            return move(operation, from, OperationState.COMPLETED, info); // free of charge: nothing was held
        }
        Optional<FundingHold> hold = funding.find(operation.key());
        if (hold.isEmpty() || hold.get().state() == FundingHold.State.RELEASED) {
            LOG.error("Domain operation {} ({} {}): the registry did it, but {}; parked for the clearing center",
                    operation.key(), operation.kind(), operation.domain(),
                    hold.isEmpty() ? "no funds were held" : "its hold was released");
            return move(operation, from, OperationState.HELD_FOR_REVIEW, new OutcomeInfo(info.status(), "unpaid",
                    "done at the registry but not paid: " + (hold.isEmpty() ? "no hold" : "hold released"), info.reference()));
        }
        funding.capture(operation.key());
        return move(operation, from, OperationState.COMPLETED, info);
    }

    private OperationState release(DomainOperation operation, OperationState from, FundingSource funding, OutcomeInfo info,
                                   OperationState target) {
        Optional<FundingHold> hold = funding.find(operation.key());
        if (hold.isPresent() && hold.get().state() == FundingHold.State.CAPTURED) {
            LOG.error("Domain operation {} ({} {}): charged, but the registry did not do it ({}); parked for a refund",
                    operation.key(), operation.kind(), operation.domain(), describe(info));
            return move(operation, from, OperationState.HELD_FOR_REVIEW, new OutcomeInfo(info.status(), "charged-not-done",
                    "charged but not done at the registry: " + describe(info), info.reference()));
        }
        if (hold.isPresent() && hold.get().state() == FundingHold.State.ACTIVE) {
            funding.release(operation.key());
        }
        return move(operation, from, target, info);
    }

    private OperationState releaseAndPark(DomainOperation operation, OperationState from, FundingSource funding,
                                          OutcomeInfo info) {
        OperationState state = release(operation, from, funding, info, OperationState.HELD_FOR_REVIEW);
        LOG.error("Domain operation {} ({} {}): the registry answered 2104 Billing failure ({}); the customer's hold "
                        + "was released and the operation parked for the clearing center: top up the registrar account",
                operation.key(), operation.kind(), operation.domain(), info.message());
        return state;
    }

    private OperationState move(DomainOperation operation, OperationState from, OperationState to, OutcomeInfo info) {
        if (from == to) {
            store.transition(operation.key(), from, to, info); // records the latest answer
            return to;
        }
        if (!store.transition(operation.key(), from, to, info)) {
            OperationState now = store.find(operation.key()).map(DomainOperation::state).orElse(from);
            LOG.info("Domain operation {} was settled meanwhile by another process (now {})", operation.key(), now);
            return now;
        }
        return to;
    }

    private static String describe(OutcomeInfo info) {
        return (info.code() == null ? "" : info.code() + " ") + (info.message() == null ? String.valueOf(info.status()) : info.message());
    }
}
