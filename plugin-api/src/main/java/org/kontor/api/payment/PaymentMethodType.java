package org.kontor.api.payment;

/** The kinds of payment method a customer chooses from. */
public enum PaymentMethodType {
    CARD, PAYPAL, SEPA_DIRECT_DEBIT, BANK_TRANSFER, OTHER
}
