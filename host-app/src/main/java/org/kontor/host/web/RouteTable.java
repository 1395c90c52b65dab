package org.kontor.host.web;

import io.javalin.config.JavalinConfig;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kontor.api.web.Access;

/**
 * The HTTP routes one Javalin application registered, with their access, as Javalin reports each handler it
 * adds. Filters (before/after) are not routes and are left out.
 */
public final class RouteTable {

    private final List<RegisteredRoute> routes = new ArrayList<>();

    /** Starts recording the routes added to this configuration from now on. */
    public void install(JavalinConfig config) {
        config.events.handlerAdded(this::add);
    }

    private synchronized void add(HandlerMetaInfo info) {
        HandlerType type = info.getHttpMethod();
        if (!type.isHttpMethod()) {
            return;
        }
        List<Access> declared = info.getRoles().stream()
                .filter(Access.class::isInstance).map(Access.class::cast).toList();
        routes.add(new RegisteredRoute(type.name().toUpperCase(Locale.ROOT), RegisteredRoute.openApiPath(info.getPath()),
                declared.isEmpty() ? null : declared.get(0), Set.copyOf(declared)));
    }

    /** The routes recorded so far, sorted by path and method. */
    public synchronized List<RegisteredRoute> routes() {
        return routes.stream()
                .sorted(Comparator.comparing(RegisteredRoute::path).thenComparing(RegisteredRoute::method))
                .toList();
    }

    /** The routes of the JSON API: everything under {@code /api/}. */
    public List<RegisteredRoute> apiRoutes() {
        return routes().stream().filter(route -> route.path().startsWith("/api/")).toList();
    }
}
