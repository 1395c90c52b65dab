package org.kontor.api.outcome;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of a call to a remote system: its {@link OutcomeStatus}, the value when there is one, the
 * remote system's own code and message (an EPP result code, a gateway decline code), and the remote
 * system's reference for the operation (a registry ROID or svTRID, a provider's payment id).
 *
 * <p>Build one through the static factories; the record may gain components within API 1.x.
 *
 * @param <T> the value a processed (or pending) call returns
 */
public record Outcome<T>(OutcomeStatus status, T value, String code, String message, String reference) {

    public Outcome {
        Objects.requireNonNull(status, "status");
    }

    /** Done, with its value and the remote reference (may be null). */
    public static <T> Outcome<T> processed(T value, String reference) {
        return new Outcome<>(OutcomeStatus.PROCESSED, value, null, null, reference);
    }

    /** Accepted, to be decided later; the value may carry what is known so far (or be null). */
    public static <T> Outcome<T> pending(T value, String reference, String message) {
        return new Outcome<>(OutcomeStatus.PENDING, value, null, message, reference);
    }

    /** Refused, final, with the remote code (e.g. {@code 2104}) and message. */
    public static <T> Outcome<T> error(String code, String message) {
        return new Outcome<>(OutcomeStatus.ERROR, null, code, message, null);
    }

    /** Known not to have happened. */
    public static <T> Outcome<T> canceled(String message) {
        return new Outcome<>(OutcomeStatus.CANCELED, null, null, message, null);
    }

    /** Unknown, to be asked again later under the same idempotency key. */
    public static <T> Outcome<T> undefined(String message) {
        return new Outcome<>(OutcomeStatus.UNDEFINED, null, null, message, null);
    }

    public boolean isProcessed() {
        return status == OutcomeStatus.PROCESSED;
    }

    public Optional<T> valueIfPresent() {
        return Optional.ofNullable(value);
    }

    public Optional<String> codeIfPresent() {
        return Optional.ofNullable(code);
    }

    public Optional<String> referenceIfPresent() {
        return Optional.ofNullable(reference);
    }
}
