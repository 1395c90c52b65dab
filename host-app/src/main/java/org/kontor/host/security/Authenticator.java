package org.kontor.host.security;

import io.javalin.http.Context;
import java.util.Optional;
import org.kontor.api.web.Caller;

/** Finds out who sent a request: from an API token, or from a signed-in browser session. */
@FunctionalInterface
public interface Authenticator {

    Optional<Caller> authenticate(Context ctx);

    /**
     * Whether a browser sends these credentials on its own with every request to the host (a cookie), so that another
     * site could make it send them: state-changing requests authenticated so need a CSRF token. Credentials that a
     * client must add itself, such as an {@code Authorization} header, need none.
     */
    default boolean sentByBrowsers() {
        return true;
    }
}
