package org.kontor.plugins.prepaidaccount.web;

import java.util.Map;

/** A request whose fields are missing or malformed; answered 422 with a message per field. */
final class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> errors;

    InvalidInput(Map<String, String> errors) {
        super("invalid input: " + errors);
        this.errors = Map.copyOf(errors);
    }

    static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    Map<String, String> errors() {
        return errors;
    }
}
