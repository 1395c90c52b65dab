package org.kontor.api.web;

import org.pf4j.ExtensionPoint;

/**
 * Adds a plugin's pages and endpoints to the host. Paths are relative to the plugin's own prefixes, so
 * two plugins can never take each other's routes:
 * storefront pages under {@code /p/<id>/}, admin pages under {@code /admin/p/<id>/}, JSON under
 * {@code /api/v1/p/<id>/} and provider callbacks under {@code /hooks/<id>/}.
 *
 * <p>Handlers are Javalin handlers. {@code ctx.render("page.ftlh", model)} finds the plugin's template
 * {@code templates/<id>/page.ftlh} unless the active theme overrides it. When the plugin is disabled its
 * routes disappear; when it is enabled again, {@link #routes} is called anew.
 */
public interface RouteContributor extends ExtensionPoint {

    void routes(PluginRoutes routes);
}
