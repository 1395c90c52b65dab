package org.kontor.host.web;

import org.kontor.api.web.Access;

/**
 * One HTTP route as the running application registered it.
 *
 * @param method the HTTP method in upper case, e.g. {@code GET}
 * @param path   the path in OpenAPI form, path parameters as {@code {name}}
 * @param access who may call it; null when the route declares none (the host then refuses it)
 */
public record RegisteredRoute(String method, String path, Access access) {

    /** Javalin writes path parameters as {@code {name}} or {@code <name>}; OpenAPI only knows the first. */
    public static String openApiPath(String javalinPath) {
        return javalinPath.replaceAll("<([^>/]+)>", "{$1}");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
