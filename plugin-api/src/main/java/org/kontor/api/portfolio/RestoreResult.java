package org.kontor.api.portfolio;

import java.util.Objects;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * What a restore came to.
 *
 * @param amount the price asked for it (held, and captured when COMPLETED), or null when no operation was started
 * @param code   the registry's or the host's code when it did not complete, else null
 * @since 1.1.0
 */
public record RestoreResult(IdempotencyKey key, DomainName name, Status status, Money amount, String code,
                            String message) {

    /** Where the restore stands. */
    public enum Status {
        /** Restored and paid; the domain is active again. */
        COMPLETED,
        /** The registry has not answered for sure yet; the money stays held until it does. */
        PENDING,
        /** Not restored; nothing was charged. */
        FAILED,
        /** Parked for a person in the clearing center; nothing was charged by this path. */
        HELD_FOR_REVIEW
    }

    public RestoreResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
