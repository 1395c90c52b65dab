package org.kontor.api.event;

import org.kontor.api.money.Money;

/** An invoice received its number and was issued. */
public record InvoiceIssued(String invoiceId, String invoiceNumber, String customerId, Money total) implements Event {
}
