package org.kontor.host.provisioning;

/** Where a {@link DomainOperation} stands; see {@code V4__domain_operation.sql}. */
public enum OperationState {
    /** The intent is committed; nothing is held and the registry has not been called. */
    RECORDED,
    /** The funds are held; the registry call may be under way or may have happened. */
    HELD,
    /** The registry answered PENDING or UNDEFINED; the hold stays until the janitor learns the result. */
    UNSETTLED,
    /** The registry did it and the hold was captured. */
    COMPLETED,
    /** Not done; the hold was released, or never made. */
    FAILED,
    /** The funds did not cover it: nothing was held and the registry was not called. */
    REFUSED,
    /** A person has to look at it in the clearing center; the customer was not charged by this path. */
    HELD_FOR_REVIEW;

    /** Whether nothing will change any more without a person. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == REFUSED || this == HELD_FOR_REVIEW;
    }
}
