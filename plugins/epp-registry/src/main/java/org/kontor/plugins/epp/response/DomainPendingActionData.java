package org.kontor.plugins.epp.response;

import java.time.Instant;

/**
 * The outcome of an action the registry answered 1001 (pending) and decided later, delivered through the
 * poll queue ({@code domain:panData}, RFC 5731 §3.3). The .dk registry decides every create this way.
 *
 * @param approved {@code paResult}: whether the action was carried out
 * @param action the transaction ids of the original command; its clTRID ties the outcome to our request
 * @param decidedAt {@code paDate}, or null
 */
public record DomainPendingActionData(String name, boolean approved, TransactionId action, Instant decidedAt)
        implements ResponseData {
}
