package org.kontor.plugins.banktransfer.matching;

/** A request the payments or the manual queue refuse. */
public class BankTransferException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, so the web layer can answer with the right status. */
    public enum Reason {
        NOT_FOUND, CONFLICT, INVALID
    }

    private final Reason reason;

    public BankTransferException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
