package org.kontor.api.domain;

/**
 * A domain name or label that cannot be registered, with a reason a person can act on.
 *
 * <p>{@link #reason()} is a stable code for translations and API clients; the message is English.
 */
public class InvalidDomainNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a name was refused. */
    public enum Reason {
        EMPTY, EMPTY_LABEL, LABEL_TOO_LONG, NAME_TOO_LONG, LEADING_HYPHEN, TRAILING_HYPHEN,
        HYPHEN_3_4, DISALLOWED_CHARACTER, INVALID_PUNYCODE, BIDI, CONTEXT, NO_TLD, INVALID_TLD, OTHER
    }

    private final String input;
    private final Reason reason;

    public InvalidDomainNameException(String input, Reason reason, String message) {
        super(message);
        this.input = input;
        this.reason = reason;
    }

    /** The text that was refused, as given. */
    public String input() {
        return input;
    }

    public Reason reason() {
        return reason;
    }
}
