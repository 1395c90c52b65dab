package org.kontor.host.storefront;

import io.javalin.config.RoutesConfig;
import org.kontor.api.web.Access;

/** The storefront's own pages; the theme renders them in the customer's language. */
public final class StorefrontRoutes {

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.render("index.ftlh"), Access.PUBLIC);
    }
}
