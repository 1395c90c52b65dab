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
    ADMIN
}
