package org.kontor.host.web;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.kontor.api.web.Access;

/**
 * One HTTP route as the running application registered it.
 *
 * @param method the HTTP method in upper case, e.g. {@code GET}
 * @param path   the path in OpenAPI form, path parameters as {@code {name}}
 * @param access who may call it (the first role it declares); null when it declares none (the host then refuses it)
 * @param roles  every role it declares; empty when it declares none
 */
public record RegisteredRoute(String method, String path, Access access, Set<Access> roles) {

    public RegisteredRoute {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** A route declaring one role, or none when {@code access} is null. */
    public RegisteredRoute(String method, String path, Access access) {
        this(method, path, access, access == null ? Set.of() : Set.of(access));
    }

    /** Javalin writes path parameters as {@code {name}} or {@code <name>}; OpenAPI only knows the first. */
    public static String openApiPath(String javalinPath) {
        return javalinPath.replaceAll("<([^>/]+)>", "{$1}");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
