package org.kontor.host.billing.export;

import java.time.LocalDate;
import org.kontor.api.money.Money;

/** A payment received for a document, dated in the seller's time zone. */
public record PaymentRow(LocalDate date, String documentType, String documentNumber, String customerId, Money amount,
                         String reference) {
}
