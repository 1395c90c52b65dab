package org.kontor.api.settings;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One field of a settings form.
 *
 * @param key          lower-case letters, digits, dots and hyphens, e.g. {@code api.key}
 * @param defaultValue used when the operator saved nothing (null for none)
 * @param choices      the allowed values of a CHOICE field
 */
public record SettingField(String key, SettingType type, String label, String help, boolean required,
                           String defaultValue, List<String> choices) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public SettingField {
        Objects.requireNonNull(type, "type");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key '" + key + "' must match " + KEY.pattern());
        }
        label = label == null ? key : label;
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (type == SettingType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("setting '" + key + "' is a CHOICE without choices");
        }
    }

    public static SettingField text(String key, String label, boolean required) {
        return new SettingField(key, SettingType.TEXT, label, null, required, null, null);
    }

    public static SettingField secret(String key, String label, boolean required) {
        return new SettingField(key, SettingType.SECRET, label, null, required, null, null);
    }

    public static SettingField of(String key, SettingType type, String label, boolean required, String defaultValue) {
        return new SettingField(key, type, label, null, required, defaultValue, null);
    }

    public static SettingField choice(String key, String label, List<String> choices, String defaultValue) {
        return new SettingField(key, SettingType.CHOICE, label, null, true, defaultValue, choices);
    }

    public SettingField withHelp(String text) {
        return new SettingField(key, type, label, text, required, defaultValue, choices);
    }

    /** Whether the value is stored encrypted and never shown back. */
    public boolean isSecret() {
        return type == SettingType.SECRET;
    }

    /**
     * Checks a raw value as typed by the operator.
     *
     * @return the reason the value is refused, in English, or empty when it is acceptable
     */
    public Optional<String> validate(String raw) {
        if (raw == null || raw.isBlank()) {
            return required && defaultValue == null ? Optional.of(label + " is required") : Optional.empty();
        }
        String value = raw.strip();
        return switch (type) {
            case TEXT, SECRET -> Optional.empty();
            case INTEGER -> parses(() -> Long.parseLong(value), "a whole number");
            case DECIMAL -> parses(() -> new BigDecimal(value), "a number");
            case BOOLEAN -> value.equals("true") || value.equals("false")
                    ? Optional.empty() : Optional.of(label + " must be true or false");
            case URL -> validUrl(value) ? Optional.empty() : Optional.of(label + " must be an http or https address");
            case EMAIL -> EMAIL.matcher(value).matches()
                    ? Optional.empty() : Optional.of(label + " must be an e-mail address");
            case CHOICE -> choices.contains(value)
                    ? Optional.empty() : Optional.of(label + " must be one of " + String.join(", ", choices));
        };
    }

    private Optional<String> parses(Runnable parse, String what) {
        try {
            parse.run();
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(label + " must be " + what);
        }
    }

    private static boolean validUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
