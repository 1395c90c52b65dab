package org.kontor.host.security;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Stands between a right password and a signed-in session for accounts that have a second factor: the sign-in
 * pages ask it before they sign a session in.
 */
public interface SecondFactorGate {

    /** No account has a second factor. */
    SecondFactorGate NONE = (ctx, customerId, next) -> Optional.empty();

    /**
     * When the account must still give a second factor, remembers in the request's session that the password was
     * right and returns the page to send the browser to; empty when the session may be signed in now.
     *
     * @param next the local path to go to once signed in
     */
    Optional<String> challenge(Context ctx, String customerId, String next);
}
