package org.kontor.host.payments;

/** What a payment pays: an order waiting for its payment, an issued invoice, or a top-up of a prepaid account. */
public enum PaymentPurpose {
    ORDER, INVOICE, TOP_UP
}
