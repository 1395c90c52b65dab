package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteGroup;
import org.kontor.database.Database;
import org.kontor.plugins.sandbox.service.SandboxService;
import org.kontor.plugins.sandbox.service.SandboxSettingsSchema;
import org.kontor.plugins.sandbox.tls.TlsFiles;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.slf4j.LoggerFactory;

/** The endpoint route, registered as the host would and served over HTTP by Javalin. */
@DatabaseTest(plugins = "sandbox-registry")
class SandboxEndpointRouteTest {

    private static final String PATH = "/api/v1/p/sandbox-registry/endpoint";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SandboxService service;
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (service != null) {
            service.stop();
        }
    }

    @DbTest
    void theEndpointShowsTheRunningServerAndItsCertificateToAdminsOnly(Database database) throws Exception {
        String registrar = "rt" + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
        service = new SandboxService(new ServiceTestContext(database.jdbi(), dataDir,
                LoggerFactory.getLogger("plugin.sandbox-registry"), Map.of(
                        SandboxSettingsSchema.PORT, "0",
                        SandboxSettingsSchema.REGISTRAR_ID, registrar,
                        SandboxSettingsSchema.REGISTRAR_PASSWORD, "Route-Secret-3")));
        RecordingRoutes routes = new RecordingRoutes();
        service.routes(routes);
        assertThat(routes.registered).hasSize(1);
        Route route = routes.registered.get(0);
        assertThat(route.group()).isEqualTo("api");
        assertThat(route.method()).isEqualTo("GET");
        assertThat(route.path()).isEqualTo("/endpoint");
        assertThat(route.access()).isEqualTo(Access.ADMIN);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get(PATH, route.handler());
        }).start("127.0.0.1", 0);

        JsonNode stopped = get();
        assertThat(stopped.get("running").asBoolean()).isFalse();
        assertThat(stopped.get("port").isNull()).isTrue();
        assertThat(stopped.get("certificate").isNull()).isTrue();

        service.start();
        JsonNode running = get();
        assertThat(running.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(running.get("port").isInt()).isTrue();
        assertThat(running.get("port").asInt()).isEqualTo(service.endpoint().port()).isPositive();
        assertThat(running.get("certificate").asText())
                .startsWith("-----BEGIN CERTIFICATE-----")
                .isEqualTo(Files.readString(dataDir.resolve(TlsFiles.CERTIFICATE_FILE)));
        assertThat(running.get("running").isBoolean()).isTrue();
        assertThat(running.get("running").asBoolean()).isTrue();
        assertThat(running.has("reason")).isFalse();

        service.stop();
        JsonNode again = get();
        assertThat(again.get("running").asBoolean()).isFalse();
        assertThat(again.get("port").isNull()).isTrue();
    }

    private JsonNode get() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + PATH)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return json.readTree(response.body());
    }

    private record Route(String group, String method, String path, Access access, Handler handler) {
    }

    /** Records what a contributor registers, in which area, with which access. */
    private static final class RecordingRoutes implements PluginRoutes {

        final List<Route> registered = new ArrayList<>();

        @Override
        public RouteGroup storefront() {
            return group("storefront");
        }

        @Override
        public RouteGroup admin() {
            return group("admin");
        }

        @Override
        public RouteGroup api() {
            return group("api");
        }

        @Override
        public RouteGroup webhooks() {
            return group("webhooks");
        }

        private RouteGroup group(String name) {
            return new RouteGroup() {
                @Override
                public RouteGroup get(String path, Access access, Handler handler) {
                    return add("GET", path, access, handler);
                }

                @Override
                public RouteGroup post(String path, Access access, Handler handler) {
                    return add("POST", path, access, handler);
                }

                @Override
                public RouteGroup put(String path, Access access, Handler handler) {
                    return add("PUT", path, access, handler);
                }

                @Override
                public RouteGroup patch(String path, Access access, Handler handler) {
                    return add("PATCH", path, access, handler);
                }

                @Override
                public RouteGroup delete(String path, Access access, Handler handler) {
                    return add("DELETE", path, access, handler);
                }

                private RouteGroup add(String method, String path, Access access, Handler handler) {
                    registered.add(new Route(name, method, path, access, handler));
                    return this;
                }
            };
        }
    }
}
