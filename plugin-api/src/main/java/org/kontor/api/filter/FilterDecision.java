package org.kontor.api.filter;

import java.util.Objects;

/**
 * A filter's answer: go on with {@code action} (perhaps changed), or stop with a code and a message.
 *
 * @param code    a stable code for a veto, e.g. {@code risk.score-too-low}; null when proceeding
 * @param message a message for the operator and customer; null when proceeding
 */
public record FilterDecision<A extends Action>(A action, boolean vetoed, String code, String message) {

    public static <A extends Action> FilterDecision<A> proceed(A action) {
        return new FilterDecision<>(Objects.requireNonNull(action, "action"), false, null, null);
    }

    public static <A extends Action> FilterDecision<A> veto(String code, String message) {
        return new FilterDecision<>(null, true, Objects.requireNonNull(code, "code"),
                Objects.requireNonNull(message, "message"));
    }
}
