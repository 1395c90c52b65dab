package org.kontor.api.web;

/**
 * The four areas a plugin can add routes to. Each route states its {@link Access}; admin routes are
 * always {@link Access#ADMIN}, webhooks always {@link Access#PUBLIC} (verify their signatures).
 */
public interface PluginRoutes {

    /** Pages for customers under {@code /p/<id>/}. */
    RouteGroup storefront();

    /** Pages for the operator under {@code /admin/p/<id>/}, always ADMIN. */
    RouteGroup admin();

    /** JSON endpoints under {@code /api/v1/p/<id>/}; errors are answered as problem+json. */
    RouteGroup api();

    /** Provider callbacks under {@code /hooks/<id>/}, public, exempt from CSRF checks. */
    RouteGroup webhooks();
}
