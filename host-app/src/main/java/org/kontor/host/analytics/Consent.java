package org.kontor.host.analytics;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * A visitor's choice about analytics, kept in the first-party cookie {@value #COOKIE}: {@code analytics} when they
 * accepted, {@code none} when they declined, no cookie (or anything else) while they have not chosen. Until they
 * accept, nothing that needs consent is tracked.
 */
public enum Consent {
    UNDECIDED(""), GRANTED("analytics"), DECLINED("none");

    public static final String COOKIE = "kontor_consent";
    /** Six months: the choice is asked for again after that. */
    public static final int MAX_AGE_SECONDS = 183 * 24 * 60 * 60;

    private final String value;

    Consent(String value) {
        this.value = value;
    }

    /** The cookie's value, empty for {@link #UNDECIDED}. */
    public String value() {
        return value;
    }

    public boolean trackingAllowed() {
        return this == GRANTED;
    }

    /** The choice the request's cookie holds. */
    public static Consent of(Context ctx) {
        return parse(ctx.cookie(COOKIE)).orElse(UNDECIDED);
    }

    /** A choice as a form or the cookie sends it: {@code analytics} or {@code none}. */
    public static Optional<Consent> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "analytics" -> Optional.of(GRANTED);
            case "none" -> Optional.of(DECLINED);
            default -> Optional.empty();
        };
    }
}
