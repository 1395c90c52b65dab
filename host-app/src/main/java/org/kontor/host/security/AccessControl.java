package org.kontor.host.security;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * Checks every matched route's declared {@link Access} before its handler runs. A route that declares
 * none is refused: forgetting to declare access must fail closed, not open.
 */
public final class AccessControl {


    private final List<Authenticator> authenticators;

    public AccessControl(List<Authenticator> authenticators) {
        this.authenticators = List.copyOf(authenticators);
    }

    public void install(JavalinConfig config) {
        config.routes.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        Set<RouteRole> required = ctx.routeRoles();
        if (required.isEmpty()) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", "This route declares no access rule."));
        }
        Optional<Caller> caller = authenticate(ctx);
        caller.ifPresent(found -> ctx.attribute(Caller.ATTRIBUTE, found));
        if (required.contains(Access.PUBLIC)) {
            return;
        }
        if (caller.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "Sign in, or send an API token as 'Authorization: Bearer <token>'."));
        }
        if (!required.contains(caller.get().role())) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "Your role " + caller.get().role() + " may not use this route."));
        }
    }

    private Optional<Caller> authenticate(Context ctx) {
        for (Authenticator authenticator : authenticators) {
            Optional<Caller> caller = authenticator.authenticate(ctx);
            if (caller.isPresent()) {
                return caller;
            }
        }
        return Optional.empty();
    }
}
