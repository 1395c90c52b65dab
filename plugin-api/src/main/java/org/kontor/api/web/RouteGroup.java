package org.kontor.api.web;

import io.javalin.http.Handler;

/**
 * Registers routes below one prefix. Paths use Javalin's syntax ({@code /accounts/{id}}); an empty path or
 * {@code /} is the prefix itself.
 */
public interface RouteGroup {

    RouteGroup get(String path, Access access, Handler handler);

    RouteGroup post(String path, Access access, Handler handler);

    RouteGroup put(String path, Access access, Handler handler);

    RouteGroup patch(String path, Access access, Handler handler);

    RouteGroup delete(String path, Access access, Handler handler);
}
