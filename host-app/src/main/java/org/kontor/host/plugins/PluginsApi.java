package org.kontor.host.plugins;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PluginStateChanged;
import org.kontor.api.web.Access;
import org.kontor.host.web.ProblemException;

/**
 * The operator's API for plugins: list them, enable and disable them while the host runs. Each change
 * is published as a {@link PluginStateChanged} event.
 */
public final class PluginsApi {

    private final PluginHost plugins;
    private final EventPublisher events;

    public PluginsApi(PluginHost plugins, EventPublisher events) {
        this.plugins = plugins;
        this.events = events;
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
        PluginInfo info;
        try {
            info = enable ? plugins.enable(id) : plugins.disable(id);
        } catch (PluginOperationException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        events.publish(new PluginStateChanged(id, enable));
        ctx.json(info);
    }

    private static ProblemException unknown(Context ctx) {
        return ProblemException.notFound("There is no plugin '" + ctx.pathParam("id") + "'.");
    }
}
