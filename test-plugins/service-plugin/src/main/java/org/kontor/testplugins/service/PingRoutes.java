package org.kontor.testplugins.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.kontor.api.PluginContext;
import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteContributor;
import org.pf4j.Extension;

/** A route, and a mark in the data folder when the host closes this extension. */
@Extension
public class PingRoutes implements RouteContributor, AutoCloseable {

    private final PluginContext context;

    public PingRoutes(PluginContext context) {
        this.context = context;
    }

    @Override
    public void routes(PluginRoutes routes) {
        routes.api().get("/ping", Access.PUBLIC, ctx -> ctx.result("pong"));
    }

    @Override
    public void close() {
        try {
            Files.writeString(context.dataDir().resolve("routes-closed"), "closed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
