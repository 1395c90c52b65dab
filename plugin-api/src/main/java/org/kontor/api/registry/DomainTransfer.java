package org.kontor.api.registry;

import java.time.Instant;
import java.util.Objects;
import org.kontor.api.domain.DomainName;

/**
 * The state of a transfer as the registry reports it.
 *
 * @param expiresAt the domain's expiry after the transfer, when known (may be null)
 */
public record DomainTransfer(DomainName name, Status status, Instant requestedAt, Instant actedAt, Instant expiresAt) {

    /** EPP's {@code trStatus} values. */
    public enum Status {
        PENDING, CLIENT_APPROVED, CLIENT_CANCELLED, CLIENT_REJECTED, SERVER_APPROVED, SERVER_CANCELLED
    }

    public DomainTransfer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public static DomainTransfer of(DomainName name, Status status, Instant requestedAt) {
        return new DomainTransfer(name, status, requestedAt, null, null);
    }
}
