package org.kontor.api.portfolio;

import java.time.Instant;
import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * What a renewal came to.
 *
 * @param amount    the price held for it (captured when COMPLETED)
 * @param expiresAt the domain's expiry afterwards
 * @param code      the registry's or the host's code when it did not complete, else null
 * @since 1.1.0
 */
public record RenewalResult(IdempotencyKey key, DomainName name, Status status, Money amount, Instant expiresAt,
                            String code, String message) {

    /** Where the renewal stands. */
    public enum Status {
        /** Renewed and paid. */
        COMPLETED,
        /** The registry has not answered for sure yet; the money stays held until it does. */
        PENDING,
        /** Not renewed; nothing was charged. */
        FAILED,
        /** Parked for a person in the clearing center; nothing was charged by this path. */
        HELD_FOR_REVIEW
    }

    public RenewalResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
