package org.kontor.plugins.sepa.collection;

import java.time.Instant;
import java.time.LocalDate;
import org.kontor.api.money.Money;
import org.kontor.plugins.sepa.mandate.SequenceType;

/** One direct debit under a mandate. */
public record Collection(String id, String idempotencyKey, String endToEndId, String mandateId, String customerId,
                         Money amount, SequenceType sequenceType, LocalDate dueDate, CollectionState state,
                         String reference, String description, Instant prenotifiedAt, String fileId,
                         String reasonCode, Instant createdAt) {
}
