package org.kontor.api.event;

import org.kontor.api.money.Money;

/**
 * Money of a processed payment went back to the payer: a refund the operator made, or a reversal by the provider (a
 * chargeback, a lost dispute, a returned direct debit). Published once, in the transaction that books it.
 *
 * @param paymentId         the refund's or reversal's id
 * @param originalPaymentId the payment it takes money from
 * @param purpose           what the payment paid: {@code ORDER}, {@code INVOICE} or {@code TOP_UP}
 * @param targetId          the order, invoice or top-up it paid
 * @param invoiceId         the invoice the amount was taken off again, or null when none
 * @param refund            true for a refund the operator made, false for a reversal by the provider
 * @param reason            why, as the operator or the provider gave it, or null
 * @since 1.5.0
 */
public record PaymentReversed(String paymentId, String originalPaymentId, String customerId, String purpose,
                              String targetId, String invoiceId, Money amount, String gatewayId, boolean refund,
                              String reason) implements Event {
}
