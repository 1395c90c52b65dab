package org.kontor.plugins.banktransfer.matching;

/** Whether the money of a payment arrived. */
public enum PaymentState {
    PENDING, PAID
}
