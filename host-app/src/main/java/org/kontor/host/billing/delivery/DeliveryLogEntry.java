package org.kontor.host.billing.delivery;

import java.time.Instant;

/**
 * One row of the delivery log.
 *
 * @param round             0 for the delivery after issuing, 1, 2, ... for each resend
 * @param recipient         the e-mail address, or the postal address on one line
 * @param provider          the letter post provider's id; null for e-mail
 * @param mailId            the queued e-mail, or null
 * @param providerReference the letter provider's reference, or null
 */
public record DeliveryLogEntry(String id, String invoiceId, DeliveryChannel channel, int round, String recipient,
                               String provider, DeliveryState state, int attempts, String lastError, String mailId,
                               String providerReference, Instant createdAt, Instant updatedAt, Instant sentAt) {
}
