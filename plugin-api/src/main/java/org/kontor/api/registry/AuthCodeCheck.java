package org.kontor.api.registry;

import java.util.Objects;

/**
 * What the registry said about a transfer's auth code before the transfer is ordered ({@link
 * DomainRegistry#verifyAuthCode}). The reason is for people (logs, the customer's error message) and never contains
 * the auth code itself.
 *
 * @param result what the check found
 * @param reason why, or null
 * @since 1.2.0
 */
public record AuthCodeCheck(Result result, String reason) {

    /** The answer of a registry that cannot check a code before the transfer itself. */
    public static final AuthCodeCheck UNSUPPORTED = new AuthCodeCheck(Result.UNSUPPORTED, null);

    /** The outcomes of an auth code check. */
    public enum Result {
        /** The registry accepted the code for this domain, and nothing it shows stands in the way of a transfer. */
        VALID,
        /** The registry refused the code. */
        INVALID,
        /** The domain cannot be transferred now whatever the code: locked, pending, too young, ours already. */
        NOT_TRANSFERABLE,
        /** The registry offers no way to check a code before the transfer; the transfer itself will tell. */
        UNSUPPORTED,
        /** The registry could not be asked or gave no usable answer. */
        UNKNOWN
    }

    public AuthCodeCheck {
        Objects.requireNonNull(result, "result");
    }

    public static AuthCodeCheck valid() {
        return new AuthCodeCheck(Result.VALID, null);
    }

    public static AuthCodeCheck invalid(String reason) {
        return new AuthCodeCheck(Result.INVALID, reason);
    }

    public static AuthCodeCheck notTransferable(String reason) {
        return new AuthCodeCheck(Result.NOT_TRANSFERABLE, reason);
    }

    public static AuthCodeCheck unsupported(String reason) {
        return new AuthCodeCheck(Result.UNSUPPORTED, reason);
    }

    public static AuthCodeCheck unknown(String reason) {
        return new AuthCodeCheck(Result.UNKNOWN, reason);
    }

    /** Whether a transfer order may be taken: the code was accepted, or the registry cannot check it in advance. */
    public boolean allowsOrder() {
        return result == Result.VALID || result == Result.UNSUPPORTED;
    }
}
