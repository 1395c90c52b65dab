package org.kontor.plugins.banktransfer.statement;

/** A file that is not a statement this plugin can read, or whose figures do not add up. */
public class StatementException extends Exception {

    private static final long serialVersionUID = 1L;

    public StatementException(String message) {
        super(message);
    }

    public StatementException(String message, Throwable cause) {
        super(message, cause);
    }
}
