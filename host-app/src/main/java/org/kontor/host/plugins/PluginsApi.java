package org.kontor.host.plugins;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PluginStateChanged;
import org.kontor.api.web.Access;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * The operator's API for plugins: list them, install or upgrade one from its zip, enable and disable
 * them, all while the host runs. Each change
 * is published as a {@link PluginStateChanged} event.
 */
public final class PluginsApi {

    private static final long MAX_PLUGIN_BYTES = 64_000_000L;

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
        routes.post("/api/v1/plugins", this::install, Access.ADMIN);
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

    /** Takes the plugin zip as the request body, e.g. {@code curl --data-binary @my-plugin-1.0.0.zip}. */
    private void install(Context ctx) throws IOException {
        Path upload = Files.createTempFile("kontor-plugin-upload", ".zip");
        try {
            try (InputStream body = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(upload)) {
                if (body.transferTo(new LimitedOutputStream(out, MAX_PLUGIN_BYTES)) == 0) {
                    throw ProblemException.badRequest("Send the plugin zip as the request body.");
                }
            } catch (LimitedOutputStream.LimitExceededException e) {
                throw new ProblemException(Problem.of(413, "too-large", "Payload too large",
                        "A plugin zip may be at most " + MAX_PLUGIN_BYTES / 1_000_000 + " MB."));
            }
            PluginInfo info;
            try {
                info = plugins.install(upload);
            } catch (PluginOperationException e) {
                throw new ProblemException(Problem.of(422, "plugin-refused", "Plugin refused", e.getMessage()));
            }
            events.publish(new PluginStateChanged(info.id(), info.state() == PluginStatus.STARTED));
            ctx.status(201).json(info);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private static ProblemException unknown(Context ctx) {
        return ProblemException.notFound("There is no plugin '" + ctx.pathParam("id") + "'.");
    }
}
