package org.kontor.api.settings;

import java.util.Optional;

/**
 * A plugin's saved settings, with defaults from its schema filled in and secrets decrypted. Read them
 * when you need them rather than keeping copies: the operator may change them at any time.
 */
public interface Settings {

    /** The value of a setting, or empty when none is saved and the field has no default. */
    Optional<String> get(String key);

    /**
     * @throws IllegalStateException naming the setting when it has no value
     */
    default String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException("setting '" + key + "' is not configured"));
    }

    default boolean flag(String key) {
        return get(key).map(Boolean::parseBoolean).orElse(false);
    }

    default long number(String key, long fallback) {
        return get(key).map(Long::parseLong).orElse(fallback);
    }
}
