package org.kontor.plugins.banktransfer.matching;

import java.time.Instant;
import java.time.LocalDate;
import org.kontor.api.money.Money;

/**
 * A credit read from a statement and what became of it; the queued ones form the operator's manual queue.
 *
 * @param entryKey       the account and the bank's entry reference: one row per bank entry, however often imported
 * @param referenceFound the reference read from the entry (canonical form), or null
 * @param paymentId      the payment it paid, or for PARTIAL and OVERPAID the payment it names; else null
 * @param reason         why it is queued, or null
 * @param notificationId the id of the notification it produced, when it paid a payment
 */
public record Entry(String id, String entryKey, String source, String statementId, String account, String entryReference,
                    LocalDate bookingDate, Money amount, String referenceFound, String remittance, String payer,
                    String paymentId, EntryState state, QueueReason reason, String notificationId, Instant importedAt,
                    Instant resolvedAt, String resolvedBy, String note) {
}
