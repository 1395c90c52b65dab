package org.kontor.api.funding;

import java.time.Instant;
import java.util.Objects;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * An amount reserved on a customer's funds until it is captured or released.
 *
 * @param state     whether it is still held, or was captured or released
 * @param expiresAt when an unsettled hold becomes stale and is reported by the reconciliation
 */
public record FundingHold(String holdId, IdempotencyKey key, Money amount, State state, Instant expiresAt) {

    /** Where a hold stands. */
    public enum State {
        ACTIVE, CAPTURED, RELEASED
    }

    public FundingHold {
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(state, "state");
    }
}
