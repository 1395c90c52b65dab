package org.kontor.host.customers;

/**
 * Why one input field was refused.
 *
 * @param code    stable, for programs and for the message key {@code form.error.<code>} of the theme
 * @param arg     the message's argument (a length, a TLD), or null
 * @param message in English, for the JSON API and logs
 */
public record FieldError(String code, String arg, String message) {

    public static FieldError of(String code, String message) {
        return new FieldError(code, null, message);
    }

    public static FieldError of(String code, String arg, String message) {
        return new FieldError(code, arg, message);
    }

    static FieldError required() {
        return of("required", "is required");
    }

    static FieldError tooLong(int max) {
        return of("too-long", Integer.toString(max), "is too long (at most " + max + " characters)");
    }
}
