package org.kontor.host.plugins;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kontor.api.web.Access;
import org.kontor.host.web.ProblemException;

/**
 * The operator's API for plugins: list them, enable and disable them while the host runs.
 */
public final class PluginsApi {

    private final PluginHost plugins;

    public PluginsApi(PluginHost plugins) {
        this.plugins = plugins;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/plugins", ctx -> ctx.json(plugins.list()), Access.ADMIN);
        routes.get("/api/v1/plugins/{id}", ctx -> ctx.json(plugins.find(ctx.pathParam("id"))
                .orElseThrow(() -> unknown(ctx))), Access.ADMIN);
        routes.post("/api/v1/plugins/{id}/enable", ctx -> change(ctx, true), Access.ADMIN);
        routes.post("/api/v1/plugins/{id}/disable", ctx -> change(ctx, false), Access.ADMIN);
    }

    private void change(Context ctx, boolean enable) {
        String id = ctx.pathParam("id");
        if (plugins.find(id).isEmpty()) {
            throw unknown(ctx);
        }
        try {
            ctx.json(enable ? plugins.enable(id) : plugins.disable(id));
        } catch (PluginOperationException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }

    private static ProblemException unknown(Context ctx) {
        return ProblemException.notFound("There is no plugin '" + ctx.pathParam("id") + "'.");
    }
}
