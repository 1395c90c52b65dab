package org.kontor.host.settings;

import java.util.Map;
import java.util.TreeMap;

/** Settings were refused; {@link #fieldErrors()} holds one message per refused field, all at once. */
public final class SettingsValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public SettingsValidationException(Map<String, String> fieldErrors) {
        super("invalid settings: " + new TreeMap<>(fieldErrors));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Field key to message in English. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
