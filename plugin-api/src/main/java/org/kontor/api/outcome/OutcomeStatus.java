package org.kontor.api.outcome;

/**
 * What is known about a call to a remote system (a registry, a payment provider), after Kill Bill's
 * payment plugin model. The host acts on it: only {@link #PROCESSED} counts as done, only {@link #ERROR}
 * and {@link #CANCELED} as known not done; {@link #PENDING} and {@link #UNDEFINED} are settled later by a
 * janitor that asks the plugin for the status under the same idempotency key.
 */
public enum OutcomeStatus {
    /** Done: the registry created the domain, the provider captured the money. */
    PROCESSED,
    /** Accepted, decided later: a registry that answers 1001, a payment that awaits the customer or the bank. */
    PENDING,
    /** Refused, final: do not retry with the same input (EPP 2xxx, card declined). */
    ERROR,
    /** Known not to have happened: the call was never sent, or was withdrawn. Safe to try again. */
    CANCELED,
    /** Unknown: a time-out or a lost answer. Never retried blindly; the janitor asks later. */
    UNDEFINED;

    /** Whether the state may still change, so a janitor has to ask again. */
    public boolean isUnsettled() {
        return this == PENDING || this == UNDEFINED;
    }
}
