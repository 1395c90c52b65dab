package org.kontor.host.customers;

import java.util.LinkedHashMap;
import java.util.Map;

/** Input that was refused, with the reason for each field; nothing was saved. */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, FieldError> errors;

    public InvalidInputException(Map<String, FieldError> errors) {
        super("invalid input: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    /** Field name → why it was refused. */
    public Map<String, FieldError> errors() {
        return errors;
    }

    /** Field name → English message, as the JSON API answers. */
    public Map<String, String> messages() {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach((field, error) -> messages.put(field, error.message()));
        return messages;
    }
}
