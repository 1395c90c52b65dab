package org.kontor.api.portfolio;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.kontor.api.domain.DomainName;

/**
 * One domain as the host records it.
 *
 * @param createdAt   when the registry created it, or null while unknown
 * @param expiresAt   the registry's expiry, or null while unknown (a create not yet decided)
 * @param autoRenew   whether the customer wants it renewed when it expires
 * @param terminated  whether the customer ended it: it is not renewed any more
 * @param statuses    the registry's statuses as last seen, e.g. {@code ok}, {@code pendingTransfer}
 * @since 1.1.0
 */
public record PortfolioDomain(DomainName name, String customerId, String registryId, State state, Instant createdAt,
                              Instant expiresAt, boolean autoRenew, boolean terminated, Set<String> statuses) {

    /** Where a domain stands. */
    public enum State {
        PENDING_CREATE, ACTIVE, PENDING_TRANSFER, REDEMPTION, DELETED, TRANSFERRED_AWAY, REJECTED
    }

    public PortfolioDomain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(state, "state");
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /**
     * Whether it may be restored now: deleted at the registry for non-payment or expiry and still in its
     * redemption period (RFC 3915), which the host records as {@link State#REDEMPTION}.
     */
    public boolean restorable() {
        return state == State.REDEMPTION;
    }

    /** Whether it may be renewed now: active and not terminated. */
    public boolean renewable() {
        return state == State.ACTIVE && !terminated && expiresAt != null;
    }
}
