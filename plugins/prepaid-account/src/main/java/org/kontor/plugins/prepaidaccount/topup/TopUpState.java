package org.kontor.plugins.prepaidaccount.topup;

/** Where a top-up request stands: waiting for the money, paid (credited), or withdrawn. */
public enum TopUpState {
    REQUESTED, PAID, CANCELED
}
