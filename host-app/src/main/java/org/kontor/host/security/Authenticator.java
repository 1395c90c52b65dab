package org.kontor.host.security;

import io.javalin.http.Context;
import java.util.Optional;
import org.kontor.api.web.Caller;

/** Finds out who sent a request: from an API token, and later from a signed-in session. */
@FunctionalInterface
public interface Authenticator {

    Optional<Caller> authenticate(Context ctx);
}
