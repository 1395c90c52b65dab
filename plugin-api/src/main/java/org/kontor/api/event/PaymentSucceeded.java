package org.kontor.api.event;

import org.kontor.api.money.Money;

/** A payment was processed by a gateway; {@code invoiceId} is null for a top-up of a prepaid account. */
public record PaymentSucceeded(String paymentId, String customerId, String invoiceId, Money amount, String gatewayId)
        implements Event {
}
