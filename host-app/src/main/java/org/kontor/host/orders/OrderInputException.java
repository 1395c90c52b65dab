package org.kontor.host.orders;

import java.util.List;
import java.util.stream.Collectors;

/** The input was refused; nothing was changed. The API answers 422 with the errors, a page shows them at the fields. */
public final class OrderInputException extends RuntimeException {

    private final transient List<InputError> errors;

    public OrderInputException(List<InputError> errors) {
        super(errors.stream().map(InputError::message).collect(Collectors.joining(" ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an input exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public OrderInputException(InputError error) {
        this(List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }
}
