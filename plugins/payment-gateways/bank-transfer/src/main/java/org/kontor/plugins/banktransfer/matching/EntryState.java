package org.kontor.plugins.banktransfer.matching;

/** What became of a credit read from a statement. */
public enum EntryState {
    /** It paid a payment exactly. */
    MATCHED,
    /** It waits in the manual queue for the operator. */
    QUEUED,
    /** The operator assigned it to a payment. */
    RESOLVED,
    /** The operator set it aside: returned to the payer, or not a payment for Kontor. */
    DISMISSED
}
