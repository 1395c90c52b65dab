package org.kontor.host.provisioning;

import java.time.Instant;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;

/**
 * One row of {@code domain_operation}: a domain operation paid from a funding source and where it stands.
 *
 * @param period        e.g. {@code 1y}, or null
 * @param outcomeStatus the last answer of the registry (or null before the call)
 * @param outcomeCode   the registry's code (EPP result code) or a host code such as {@code insufficient-funds}
 */
public record DomainOperation(IdempotencyKey key, String customerId, DomainName domain, ChargeKind kind, String period,
                              Money amount, String fundingSourceId, String registryId, OperationState state,
                              OutcomeStatus outcomeStatus, String outcomeCode, String outcomeMessage,
                              String registryReference, Instant createdAt, Instant updatedAt) {
}
