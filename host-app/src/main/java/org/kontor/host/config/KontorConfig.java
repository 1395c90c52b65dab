package org.kontor.host.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The host's configuration: every key of {@code kontor-defaults.properties}, overridden by the
 * operator's file, then by environment variables, then by system properties. See the README for the keys.
 */
public final class KontorConfig {

    private final Map<String, String> values;

    KontorConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** A configuration of exactly these values, for tests and tools. */
    public static KontorConfig of(Map<String, String> values) {
        return new KontorConfig(values);
    }

    public Optional<String> get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * @throws ConfigException naming the key when it has no value
     */
    public String require(String key) {
        return get(key).orElseThrow(() -> new ConfigException(key, "is required but has no value"));
    }

    public int integer(String key) {
        String raw = require(key);
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, was '" + raw + "'");
        }
    }

    public boolean flag(String key) {
        String raw = get(key).orElse("false").toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(key, "must be true or false, was '" + raw + "'");
        };
    }

    public Path path(String key) {
        return Path.of(require(key));
    }

    /** A copy with one value replaced, e.g. the port chosen on the command line. */
    public KontorConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new KontorConfig(copy);
    }

    /** The keys and values, secrets masked, for the start-up log. */
    public Map<String, String> describe() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((key, value) -> shown.put(key, isSecret(key) && value != null && !value.isBlank() ? "********" : value));
        return shown;
    }

    private static boolean isSecret(String key) {
        return key.endsWith("password") || key.endsWith("token") || key.endsWith("master-key");
    }
}
