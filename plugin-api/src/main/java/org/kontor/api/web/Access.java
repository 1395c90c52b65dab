package org.kontor.api.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. The host checks it before the handler runs; a route always declares one.
 */
public enum Access implements RouteRole {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** A signed-in end customer (domain holder); sees only their own data. */
    CUSTOMER,
    /** A signed-in reseller with a prepaid account. */
    RESELLER,
    /** The operator's staff. */
    ADMIN,
    /**
     * The operator's support staff: may read what staff may read (the host lets them use every route that admits
     * {@link #ADMIN} with GET or HEAD) and act in the clearing center, but change no settings, plugins, prices or
     * money. A route does not normally declare it; the host applies that rule to {@link #ADMIN} routes.
     *
     * @since 1.5.0
     */
    SUPPORT
}
