package org.kontor.host.web;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteGroup;
import org.kontor.host.themes.ThemeRenderer;

/**
 * Puts a plugin's routes under its own prefixes, marks each request with the plugin's id (so templates
 * resolve against the plugin and errors are logged against it), and enforces the fixed access of the
 * admin ({@link Access#ADMIN}) and webhook ({@link Access#PUBLIC}) areas.
 */
final class PluginRouteRegistrar implements PluginRoutes {


    private final String pluginId;
    private final List<Consumer<RoutesConfig>> declared = new ArrayList<>();

    PluginRouteRegistrar(String pluginId) {
        this.pluginId = pluginId;
    }

    /** Adds the declared routes; called only once the plugin declared all of them without failing. */
    void applyTo(RoutesConfig routes) {
        declared.forEach(route -> route.accept(routes));
    }

    @Override
    public RouteGroup storefront() {
        return new Group("/p/" + pluginId, null);
    }

    @Override
    public RouteGroup admin() {
        return new Group("/admin/p/" + pluginId, Access.ADMIN);
    }

    @Override
    public RouteGroup api() {
        return new Group("/api/v1/p/" + pluginId, null);
    }

    @Override
    public RouteGroup webhooks() {
        return new Group("/hooks/" + pluginId, Access.PUBLIC);
    }

    private final class Group implements RouteGroup {

        private final String prefix;
        private final Access fixedAccess;

        Group(String prefix, Access fixedAccess) {
            this.prefix = prefix;
            this.fixedAccess = fixedAccess;
        }

        @Override
        public RouteGroup get(String path, Access access, Handler handler) {
            return add(HandlerType.GET, path, access, handler);
        }

        @Override
        public RouteGroup post(String path, Access access, Handler handler) {
            return add(HandlerType.POST, path, access, handler);
        }

        @Override
        public RouteGroup put(String path, Access access, Handler handler) {
            return add(HandlerType.PUT, path, access, handler);
        }

        @Override
        public RouteGroup patch(String path, Access access, Handler handler) {
            return add(HandlerType.PATCH, path, access, handler);
        }

        @Override
        public RouteGroup delete(String path, Access access, Handler handler) {
            return add(HandlerType.DELETE, path, access, handler);
        }

        private RouteGroup add(HandlerType method, String path, Access access, Handler handler) {
            if (access == null && fixedAccess == null) {
                throw new IllegalArgumentException("route " + method + " " + path + " of plugin '" + pluginId
                        + "' declares no access");
            }
            Access effective = fixedAccess != null ? fixedAccess : access;
            Handler marked = ctx -> {
                ctx.attribute(ThemeRenderer.PLUGIN_ATTRIBUTE, pluginId);
                handler.handle(ctx);
            };
            String fullPath = join(path);
            declared.add(routes -> routes.addHttpHandler(method, fullPath, marked, effective));
            return this;
        }

        private String join(String path) {
            if (path == null || path.isEmpty() || path.equals("/")) {
                return prefix;
            }
            return prefix + (path.startsWith("/") ? path : "/" + path);
        }
    }
}
