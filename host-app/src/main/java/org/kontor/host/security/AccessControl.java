package org.kontor.host.security;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.web.Access;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * Checks every matched route's declared {@link Access} before its handler runs. A route that declares
 * none is refused: forgetting to declare access must fail closed, not open.
 */
public final class AccessControl {

    /** The request attribute holding the caller's {@link Principal}, when signed in. */
    public static final String PRINCIPAL_ATTRIBUTE = "kontor.principal";

    private final List<Authenticator> authenticators;

    public AccessControl(List<Authenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    public void install(JavalinConfig config) {
        config.routes.beforeMatched(this::check);
    }

    /** The caller, if the request carries valid credentials. */
    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL_ATTRIBUTE));
    }

    private void check(Context ctx) {
        Set<RouteRole> required = ctx.routeRoles();
        if (required.isEmpty()) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", "This route declares no access rule."));
        }
        Optional<Principal> principal = authenticate(ctx);
        principal.ifPresent(found -> ctx.attribute(PRINCIPAL_ATTRIBUTE, found));
        if (required.contains(Access.PUBLIC)) {
            return;
        }
        if (principal.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "Sign in, or send an API token as 'Authorization: Bearer <token>'."));
        }
        if (!required.contains(principal.get().role())) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "Your role " + principal.get().role() + " may not use this route."));
        }
    }

    private Optional<Principal> authenticate(Context ctx) {
        for (Authenticator authenticator : authenticators) {
            Optional<Principal> principal = authenticator.authenticate(ctx);
            if (principal.isPresent()) {
                return principal;
            }
        }
        return Optional.empty();
    }
}
