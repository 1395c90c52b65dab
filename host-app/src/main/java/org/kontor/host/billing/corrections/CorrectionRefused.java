package org.kontor.host.billing.corrections;

import java.util.Map;

/**
 * A correction that cannot be made: invalid input ({@link #errors} by field, e.g. {@code lines[0].quantity}) or a
 * document in a state that allows none ({@link #conflict}).
 */
public final class CorrectionRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> errors;
    private final boolean conflict;

    private CorrectionRefused(String message, Map<String, String> errors, boolean conflict) {
        super(message);
        this.errors = Map.copyOf(errors);
        this.conflict = conflict;
    }

    public static CorrectionRefused invalid(String message, Map<String, String> errors) {
        return new CorrectionRefused(message, errors, false);
    }

    public static CorrectionRefused conflict(String message) {
        return new CorrectionRefused(message, Map.of(), true);
    }

    public Map<String, String> errors() {
        return errors;
    }

    public boolean conflict() {
        return conflict;
    }
}
