package org.kontor.plugins.prepaidaccount.ledger;

/** The kinds of ledger entry. Charges are negative, top-ups and refunds positive, the others either. */
public enum EntryKind {
    TOP_UP, CHARGE, REFUND, ADJUSTMENT, REVERSAL
}
