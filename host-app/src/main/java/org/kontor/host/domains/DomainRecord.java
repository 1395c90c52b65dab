package org.kontor.host.domains;

import java.time.Instant;
import java.util.Set;
import org.kontor.api.domain.DomainName;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.portfolio.PortfolioDomain.State;

/**
 * One row of {@code domain}.
 *
 * @param terminatedAt     when the customer ended it, or null
 * @param lastOperationKey the domain operation or poll message that last changed it
 * @param restoreUntil     in REDEMPTION: when the registry deletes it for good unless restored, or null
 */
public record DomainRecord(DomainName name, String customerId, String registryId, State state, Instant createdAt,
                           Instant expiresAt, boolean autoRenew, Instant terminatedAt, Set<String> statuses,
                           String registryReference, String lastOperationKey, Instant lastSyncedAt, Instant updatedAt,
                           Instant restoreUntil) {

    public PortfolioDomain toPortfolio() {
        return new PortfolioDomain(name, customerId, registryId, state, createdAt, expiresAt, autoRenew,
                terminatedAt != null, statuses);
    }
}
