package org.kontor.host.dns;

import java.util.List;

/** A record the zone cannot take, with every reason; nothing was stored. */
public final class RecordRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RecordError> errors;

    public RecordRefusedException(List<RecordError> errors) {
        super(errors.isEmpty() ? "refused" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<RecordError> errors() {
        return errors;
    }
}
