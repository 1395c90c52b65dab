package org.kontor.host.themes;

/** A theme cannot be used: unknown name, missing parent, parent cycle, unreadable theme.properties. */
public final class ThemeException extends RuntimeException {

    public ThemeException(String message) {
        super(message);
    }

    public ThemeException(String message, Throwable cause) {
        super(message, cause);
    }
}
