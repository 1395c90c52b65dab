package org.kontor.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.PluginApi;
import org.jdbi.v3.core.Handle;
import org.kontor.api.event.Event;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PluginStateChanged;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import java.security.SecureRandom;
import java.time.Clock;
import org.kontor.host.db.HostDatabase;
import org.kontor.host.plugins.DeferredExtensions;
import org.kontor.host.plugins.HostPluginContexts;
import org.kontor.host.plugins.HostServices;
import org.kontor.host.plugins.JdbiPluginStates;
import org.kontor.host.secrets.SecretBox;
import org.kontor.host.settings.PluginSettingsService;
import org.kontor.host.settings.SettingsSchemas;
import org.kontor.testkit.TestDatabase;
import org.kontor.host.plugins.PluginHost;
import org.kontor.host.plugins.PluginHostSettings;
import org.kontor.host.plugins.PluginsApi;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.host.security.AccessControl;
import org.kontor.api.web.Caller;

/**
 * The web layer over real HTTP with the test plugins loaded from their zips, on a real SQLite database.
 * Callers authenticate with a test header here; API tokens are tested in {@code KontorHostTest}.
 */
class PluginRoutesOverHttpTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private final TestDatabase database = TestDatabase.sqlite();
    private final List<Event> published = new java.util.concurrent.CopyOnWriteArrayList<>();
    private PluginHost plugins;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        HostDatabase host = HostDatabase.migrated(database.database());
        Clock clock = Clock.systemUTC();
        SecretBox secrets = SecretBox.withKey(SecretBox.newKey(new SecureRandom()));
        PluginSettingsService settings = new PluginSettingsService(host.jdbi(), secrets, clock);
        DeferredExtensions extensions = new DeferredExtensions();
        HostServices services = new HostServices(clock, host.jdbi(), null, secrets, null, null, temp.resolve("plugin-data"));
        Path folder = TestPlugins.deploy(temp.resolve("plugins"), "greeter", "future-api", "failing-start");
        plugins = new PluginHost(new PluginHostSettings(folder, false, PluginApi.version()),
                new JdbiPluginStates(host.jdbi(), clock),
                new HostPluginContexts(services, settings, new SettingsSchemas(extensions)),
                (id, loader) -> host.migrations().migratePlugin(id, loader));
        extensions.bind(plugins);
        plugins.start();
        settings.save("greeter", new SettingsSchemas(plugins).fieldsOf("greeter"), Map.of("greeting", "Ahoy"));
        AccessControl access = new AccessControl(List.of(ctx -> Optional.ofNullable(ctx.header("X-Test-Role"))
                .map(role -> new Caller("tester", Access.valueOf(role)))));
        HostWeb web = new HostWeb(json, plugins, access,
                List.of(config -> new PluginsApi(plugins, recorder()).register(config.routes),
                        config -> config.routes.post("/api/v1/test/charge", ctx -> {
                            throw new InsufficientFundsException(Money.of("250.00", "CZK"), Money.of("750.00", "CZK"));
                        }, Access.PUBLIC)), Map.of("database", () -> { }),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(),
                (ctx, status) -> ctx.status(status).html("<h1>" + status + "</h1>"));
        server = new WebServer("127.0.0.1", 0);
        server.start();
        server.serve(web.build());
        plugins.onChange(() -> {
            try {
                server.serve(web.build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
        plugins.close();
        database.close();
    }

    @Test
    void listsEveryPluginWithIdVersionStateAndRequiredApi() throws Exception {
        HttpResponse<String> response = get("/api/v1/plugins", "ADMIN");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        assertThat(list).hasSize(3);
        JsonNode greeter = find(list, "greeter");
        assertThat(greeter.get("version").asText()).isEqualTo("1.2.0");
        assertThat(greeter.get("state").asText()).isEqualTo("STARTED");
        assertThat(greeter.get("requires").asText()).isEqualTo(">=1.0.0 & <2.0.0");
        assertThat(find(list, "future-api").get("state").asText()).isEqualTo("INCOMPATIBLE");
        assertThat(find(list, "future-api").get("problem").asText()).contains(">=2.0.0 & <3.0.0");
        assertThat(find(list, "failing-start").get("state").asText()).isEqualTo("FAILED");
    }

    @Test
    void thePluginListIsForTheOperatorOnly() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/plugins", null);
        HttpResponse<String> customer = get("/api/v1/plugins", "CUSTOMER");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.CONTENT_TYPE));
        assertThat(json.readTree(anonymous.body()).get("title").asText()).isEqualTo("Unauthorized");
        assertThat(customer.statusCode()).isEqualTo(403);
    }

    @Test
    void servesPluginRoutesUnderTheirPrefixes() throws Exception {
        HttpResponse<String> api = get("/api/v1/p/greeter/greeting", null);
        HttpResponse<String> adminAsCustomer = get("/admin/p/greeter", "CUSTOMER");
        HttpResponse<String> adminAsAdmin = get("/admin/p/greeter", "ADMIN");

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(json.readTree(api.body()).get("greeting").asText()).isEqualTo("Ahoy");
        assertThat(adminAsCustomer.statusCode()).isEqualTo(403);
        assertThat(adminAsAdmin.body()).isEqualTo("greeter admin");
        assertThat(get("/p/future-api", null).statusCode()).as("incompatible plugin has no routes").isEqualTo(404);
        assertThat(get("/p/failing-start", null).statusCode()).as("failed plugin has no routes").isEqualTo(404);
    }

    @Test
    void disablingRemovesRoutesAndEnablingBringsThemBackWithoutRestart() throws Exception {
        int port = server.port();
        assertThat(get("/api/v1/p/greeter/greeting", null).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = post("/api/v1/plugins/greeter/disable", "ADMIN");

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(disabled.body()).get("state").asText()).isEqualTo("DISABLED");
        assertThat(get("/api/v1/p/greeter/greeting", null).statusCode()).isEqualTo(404);

        HttpResponse<String> enabled = post("/api/v1/plugins/greeter/enable", "ADMIN");

        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(published).containsExactly(new PluginStateChanged("greeter", false), new PluginStateChanged("greeter", true));
        assertThat(get("/api/v1/p/greeter/greeting", null).statusCode()).isEqualTo(200);
        assertThat(server.port()).isEqualTo(port);
    }

    @Test
    void enablingAnIncompatiblePluginIsAConflictWithTheReason() throws Exception {
        HttpResponse<String> response = post("/api/v1/plugins/future-api/enable", "ADMIN");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json.readTree(response.body()).get("detail").asText())
                .contains("requires plugin API >=2.0.0 & <3.0.0");
        assertThat(post("/api/v1/plugins/nope/enable", "ADMIN").statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorInstallsAPluginZipOverHttp() throws Exception {
        byte[] zip = java.nio.file.Files.readAllBytes(TestPlugins.zip("greeter"));

        HttpResponse<String> installed = send(HttpRequest.newBuilder(uri("/api/v1/plugins"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)), "ADMIN");
        HttpResponse<String> asCustomer = send(HttpRequest.newBuilder(uri("/api/v1/plugins"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)), "CUSTOMER");
        HttpResponse<String> notAPlugin = send(HttpRequest.newBuilder(uri("/api/v1/plugins"))
                .POST(HttpRequest.BodyPublishers.ofString("not a zip")), "ADMIN");

        assertThat(installed.statusCode()).isEqualTo(201);
        assertThat(json.readTree(installed.body()).get("state").asText()).isEqualTo("STARTED");
        assertThat(get("/api/v1/p/greeter/greeting", null).statusCode()).isEqualTo(200);
        assertThat(asCustomer.statusCode()).isEqualTo(403);
        assertThat(notAPlugin.statusCode()).isEqualTo(422);
        assertThat(json.readTree(notAPlugin.body()).get("detail").asText()).isEqualTo("The file is not a zip archive.");
    }

    @Test
    void aRefusalForLackOfFundsIs402WithTheMissingAmount() throws Exception {
        HttpResponse<String> response = post("/api/v1/test/charge", null);

        assertThat(response.statusCode()).isEqualTo(402);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.at("/missing/amount").asText()).isEqualTo("250.00");
        assertThat(problem.at("/missing/currency").asText()).isEqualTo("CZK");
        assertThat(problem.get("detail").asText()).contains("Nothing was charged");
    }

    @Test
    void unknownApiPathsAnswerProblemJson() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here", null);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        HttpResponse<String> health = get("/health", null);
        get("/api/v1/p/greeter/greeting", null);
        HttpResponse<String> metrics = get("/metrics", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
        assertThat(json.readTree(health.body()).at("/plugins/started").asInt()).isEqualTo(1);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count")
                .contains("route=\"/api/v1/p/greeter/greeting\"");
    }

    private EventPublisher recorder() {
        return new EventPublisher() {
            @Override
            public void publish(Handle transaction, Event event) {
                published.add(event);
            }

            @Override
            public void publish(Event event) {
                published.add(event);
            }
        };
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode node : list) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no plugin " + id + " in " + list);
    }

    private HttpResponse<String> get(String path, String role) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), role);
    }

    private HttpResponse<String> post(String path, String role) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), role);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String role) throws Exception {
        if (role != null) {
            request.header("X-Test-Role", role);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
