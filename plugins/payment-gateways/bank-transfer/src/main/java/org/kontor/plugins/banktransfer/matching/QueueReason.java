package org.kontor.plugins.banktransfer.matching;

/** Why a credit could not pay a payment by itself. */
public enum QueueReason {
    /** Less than the payment it names. */
    PARTIAL,
    /** More than the payment it names. */
    OVERPAID,
    /** It names a reference of no payment. */
    UNMATCHED,
    /** It names no reference that could be read. */
    NO_REFERENCE,
    /** The payment it names was paid already. */
    ALREADY_PAID,
    /** It came in another currency than the payment it names. */
    CURRENCY
}
