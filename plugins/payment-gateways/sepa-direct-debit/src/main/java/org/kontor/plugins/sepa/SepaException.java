package org.kontor.plugins.sepa;

import java.util.Map;

/** A refused request: unknown record, wrong state, or invalid fields (one message per field). */
public final class SepaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason { NOT_FOUND, CONFLICT, INVALID }

    private final Reason reason;
    private final transient Map<String, String> errors;

    public SepaException(Reason reason, String message, Map<String, String> errors) {
        super(message);
        this.reason = reason;
        this.errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    public static SepaException notFound(String message) {
        return new SepaException(Reason.NOT_FOUND, message, null);
    }

    public static SepaException conflict(String message) {
        return new SepaException(Reason.CONFLICT, message, null);
    }

    public static SepaException invalid(Map<String, String> errors) {
        return new SepaException(Reason.INVALID, "invalid input: " + errors, errors);
    }

    public Reason reason() {
        return reason;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
