package org.kontor.host.payments;

/** Money in (a payment) or money given back (a refund of a processed payment). */
public enum PaymentKind {
    PAYMENT, REFUND
}
