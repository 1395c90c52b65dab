package org.kontor.host.orders;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with the customer's input: the field it concerns ({@code items[2].holder}, {@code voucher}), a
 * stable code that is also the theme's message key suffix ({@code order.error.<code>}), arguments for the message
 * and an English text for API clients.
 */
public record InputError(String field, String code, List<String> args, String message) {

    public InputError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : List.copyOf(args);
        Objects.requireNonNull(message, "message");
    }

    public static InputError of(String field, String code, String message, String... args) {
        return new InputError(field, code, List.of(args), message);
    }

    /** The theme message key. */
    public String messageKey() {
        return "order.error." + code;
    }
}
