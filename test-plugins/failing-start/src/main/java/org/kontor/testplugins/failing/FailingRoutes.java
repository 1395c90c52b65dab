package org.kontor.testplugins.failing;

import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteContributor;
import org.pf4j.Extension;

/** A route that must never become reachable: the plugin fails to start. */
@Extension
public class FailingRoutes implements RouteContributor {

    @Override
    public void routes(PluginRoutes routes) {
        routes.storefront().get("/", Access.PUBLIC, ctx -> ctx.result("should not be served"));
    }
}
