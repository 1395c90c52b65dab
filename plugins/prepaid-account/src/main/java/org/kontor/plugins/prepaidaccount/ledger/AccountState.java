package org.kontor.plugins.prepaidaccount.ledger;

/** Where an account stands: applied for, active (payments draw on it), suspended, closed. */
public enum AccountState {
    APPLIED, ACTIVE, SUSPENDED, CLOSED
}
