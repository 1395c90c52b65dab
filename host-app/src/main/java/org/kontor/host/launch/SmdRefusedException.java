package org.kontor.host.launch;

import java.util.List;
import java.util.Objects;

/** A signed mark data file was refused: the typed reason, arguments for its message and an English text. */
public final class SmdRefusedException extends RuntimeException {

    private final SmdRefusal reason;
    private final transient List<String> args;

    public SmdRefusedException(SmdRefusal reason, String message, String... args) {
        this(reason, message, null, args);
    }

    public SmdRefusedException(SmdRefusal reason, String message, Throwable cause, String... args) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.args = List.of(args);
    }

    public SmdRefusal reason() {
        return reason;
    }

    /** The message arguments, e.g. the label a mark does not cover or the date a mark expired. */
    public List<String> args() {
        return args;
    }
}
