package org.kontor.testplugins.future;

import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteContributor;
import org.pf4j.Extension;

/** A route that must never become reachable: the plugin is refused for its API range. */
@Extension
public class FutureRoutes implements RouteContributor {

    @Override
    public void routes(PluginRoutes routes) {
        routes.storefront().get("/", Access.PUBLIC, ctx -> ctx.result("from the future"));
    }
}
