package org.kontor.plugins.prepaidaccount.ledger;

import java.time.Instant;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/** An amount reserved on an account until it is captured (charged) or released. */
public record Hold(String id, String accountId, String idempotencyKey, ChargeKind kind, Money amount, Money net,
                   Money tax, String domain, String period, String description, FundingHold.State state,
                   Instant expiresAt, Instant createdAt, Instant settledAt, String entryId) {

    public FundingHold toFundingHold() {
        return new FundingHold(id, IdempotencyKey.of(idempotencyKey), amount, state, expiresAt);
    }
}
