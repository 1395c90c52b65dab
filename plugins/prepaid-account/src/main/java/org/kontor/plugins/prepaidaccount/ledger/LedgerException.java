package org.kontor.plugins.prepaidaccount.ledger;

/**
 * A movement the ledger refuses for a reason other than balance: no such account, an account that is not
 * active, a key reused for a different movement, a charge the scheme does not cover. Nothing moved.
 */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the movement was refused. */
    public enum Reason {
        NO_ACCOUNT, NOT_ACTIVE, KEY_REUSED, NOT_PAYABLE, WRONG_CURRENCY, NO_HOLD, HOLD_SETTLED, ALREADY_EXISTS,
        BELOW_MINIMUM, INVALID
    }

    private final Reason reason;

    public LedgerException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
