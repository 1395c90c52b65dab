package org.kontor.plugins.sandbox.registry;

import java.time.Instant;
import java.util.List;

/**
 * A domain at the sandbox.
 *
 * @param statuses the statuses set by the client (or {@code ok}), without the server's pending ones
 * @param registrant null when none was given
 * @param deletedAt when it was deleted and its redemption grace period began; null while active
 * @param rgpStatus {@code redemptionPeriod}, {@code pendingRestore} or {@code pendingDelete}; null while active
 * @param rgpSince when the rgp status began (for pendingRestore: when the restore was requested)
 * @param decideAt when the registry decides a pending .dk create; null once decided
 * @param autoRenew the .dk auto-renewal flag, null outside the .dk profile
 * @param authExpiresAt when a registry-generated .dk transfer token expires; null when none
 */
public record Domain(String name, String roid, String registrar, Instant createdAt, Instant expiresAt,
        List<String> statuses, String authInfo, String registrant, Instant updatedAt, String updatedBy,
        Instant transferredAt, Instant deletedAt, String rgpStatus, Instant rgpSince, Instant decideAt,
        String createClTRID, String createSvTRID, long createPriceMinor, Boolean autoRenew, Instant authExpiresAt) {

    public Domain {
        statuses = List.copyOf(statuses);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean pendingCreate() {
        return decideAt != null;
    }

    /** The client statuses, without {@code ok}. */
    public List<String> clientStatuses() {
        return statuses.stream().filter(s -> !s.isBlank() && !"ok".equals(s)).toList();
    }
}
