package org.kontor.host.billing.dunning;

/** What a run did with an invoice it looked at. */
public enum Outcome {
    /** The level was recorded and the notice queued (in a dry run: would have been). */
    DUNNED,
    /** The next level's day has not come yet. */
    NOT_DUE,
    /** Every level was sent already. */
    COMPLETE,
    /** The customer gets no reminders. */
    EXCLUDED,
    /** The customer has no address a notice could go to. */
    NO_ADDRESS,
    /** Another run recorded the same level first. */
    TAKEN,
    /** Nothing is outstanding, or a payment or cancellation came in while the run went on (the next run looks again). */
    SETTLED
}
