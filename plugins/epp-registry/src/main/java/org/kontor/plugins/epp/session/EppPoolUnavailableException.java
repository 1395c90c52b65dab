package org.kontor.plugins.epp.session;

/**
 * The pool has no session to lend: all are busy beyond the borrow timeout, the pool is backing off after
 * the registry's session limit (2502), or it is closed. Nothing was sent.
 */
public class EppPoolUnavailableException extends EppSessionException {

    /** Why no session could be lent. */
    public enum Reason { BORROW_TIMEOUT, BACKING_OFF, CLOSED }

    private final Reason reason;

    public EppPoolUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
