package org.kontor.plugins.sandbox.service;

import io.javalin.http.Context;
import java.util.SplittableRandom;
import org.kontor.api.PluginContext;
import org.kontor.api.lifecycle.PluginService;
import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteContributor;
import org.kontor.plugins.sandbox.protocol.ResponseWriter;
import org.kontor.plugins.sandbox.registry.SandboxRegistry;
import org.kontor.plugins.sandbox.server.SandboxServer;
import org.kontor.plugins.sandbox.settings.SandboxSettings;
import org.kontor.plugins.sandbox.tls.SelfSignedTls;
import org.kontor.plugins.sandbox.tls.TlsFiles;
import org.pf4j.Extension;

/**
 * Runs the sandbox registry while the plugin is started, on 127.0.0.1 at the configured port, with a key and
 * certificate kept in the plugin's data folder so that clients can pin the certificate across restarts. Opens
 * the registrar's account with its opening balance the first time only.
 *
 * <p>It is also the plugin's route contributor: the host makes one instance per extension class, so serving
 * {@code GET /api/v1/p/sandbox-registry/endpoint} from this class shows the very server it runs.
 */
@Extension
public class SandboxService implements PluginService, RouteContributor {

    private final PluginContext context;
    private SandboxServer server;
    private SandboxEndpoint endpoint = SandboxEndpoint.stopped("the sandbox has not been started");

    public SandboxService(PluginContext context) {
        this.context = context;
    }

    /**
     * Starts the server, or logs why not and stays stopped when the registrar's password is empty.
     *
     * @throws IllegalArgumentException when a setting is invalid, which marks the plugin failed
     */
    @Override
    public synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("the sandbox registry is running already");
        }
        ServiceConfig config = ServiceConfig.read(context.settings());
        if (config.passwordMissing()) {
            String reason = "setting '" + SandboxSettingsSchema.REGISTRAR_PASSWORD
                    + "' is empty; set the registrar's password to start the sandbox registry";
            context.logger().warn("The sandbox registry does not start: {}", reason);
            endpoint = SandboxEndpoint.stopped(reason);
            return;
        }
        SandboxSettings settings = config.sandboxSettings();
        ResponseWriter writer = new ResponseWriter(settings.serverId(), SandboxServer.SERVICES);
        SandboxRegistry registry = new SandboxRegistry(context.jdbi(), context.clock(), settings, writer);
        TlsFiles files = new TlsFiles(context.dataDir());
        SelfSignedTls tls = files.loadOrCreate(context.clock().instant());
        server = new SandboxServer(settings, registry, writer, context.clock(), new SplittableRandom())
                .start(tls, config.port());
        endpoint = SandboxEndpoint.running(server.port(), TlsFiles.pem(tls.certificate()));
        context.logger().info("The sandbox registry listens on {}:{} for registrar {}; its certificate is {}",
                SandboxEndpoint.HOST, server.port(), config.registrarId(), files.certificateFile());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        endpoint = SandboxEndpoint.stopped("the sandbox registry is stopped");
    }

    /** Where the sandbox listens now and the certificate to pin, or why it does not run. */
    public synchronized SandboxEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void routes(PluginRoutes routes) {
        routes.api().get("/endpoint", Access.ADMIN, this::serveEndpoint);
    }

    private void serveEndpoint(Context ctx) {
        ctx.json(endpoint().json());
    }
}
