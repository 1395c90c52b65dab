package org.kontor.host.payments;

/** A payment request refused; {@code reason} is a stable code the API answers as the problem's reason. */
public final class PaymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How the refusal reads to an API caller. */
    public enum Kind {
        NOT_FOUND, INVALID, CONFLICT
    }

    private final Kind kind;
    private final String reason;

    public PaymentException(Kind kind, String reason, String message) {
        super(message);
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
