package org.kontor.api.event;

import java.time.Instant;

/**
 * A paid domain operation was parked for a person in the clearing center: the registry refused it with 2104
 * "Billing failure" (the operator's own account at the registry is short), or money and registry disagree.
 * The customer was not charged for a refusal; published in the transaction that parked the operation.
 *
 * @param operationKey the operation's idempotency key (also its EPP clTRID)
 * @param kind         CREATE, RENEW, TRANSFER or RESTORE
 * @param reason       the registry's result code (e.g. {@code 2104}) or the host's reason ({@code unpaid},
 *                     {@code charged-not-done})
 * @since 1.1.0
 */
public record DomainOperationHeldForReview(String operationKey, String customerId, String domain, String kind,
        String registryId, String reason, String message, Instant parkedAt) implements Event {
}
