package org.kontor.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.config.KontorConfig;
import org.kontor.host.demo.DemoData;
import org.kontor.host.mail.MailTestServer;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The whole host as an operator runs it: plugin zips in deployment mode, a real database (SQLite, and
 * PostgreSQL when configured), real HTTP, real API tokens.
 */
@DatabaseTest
class KontorHostTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private KontorHost host;
    private Path data;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void homePageAnswersInEachOfTheFiveLanguages(Database database) throws Exception {
        host = start(database);
        Map<String, String> greetings = Map.of("en", "lang=\"en\"", "da", "lang=\"da\"", "de", "lang=\"de\"",
                "cs", "lang=\"cs\"", "sk", "lang=\"sk\"");

        for (Map.Entry<String, String> language : greetings.entrySet()) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/"))
                    .header("Accept-Language", language.getKey() + ";q=1.0, en;q=0.5").build());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html " + language.getValue());
        }
        assertThat(send(HttpRequest.newBuilder(uri("/?lang=da")).build()).body()).contains("Find dit domæne");
        HttpResponse<String> css = send(HttpRequest.newBuilder(uri("/assets/css/kontor.css")).build());
        assertThat(css.statusCode()).as("the theme's assets are public").isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(send(HttpRequest.newBuilder(uri("/?lang=de")).build()).body()).doesNotContain("Find dit domæne");
    }

    @DbTest
    void listsPluginsForAnOperatorWithAnApiToken(Database database) throws Exception {
        host = start(database);
        String token = host.apiTokens().issue("operator-1", Access.ADMIN, "test");

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/plugins"))
                .header("Authorization", "Bearer " + token).build());
        HttpResponse<String> withoutToken = send(HttpRequest.newBuilder(uri("/api/v1/plugins")).build());
        HttpResponse<String> withForgedToken = send(HttpRequest.newBuilder(uri("/api/v1/plugins"))
                .header("Authorization", "Bearer kontor_forged").build());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode plugins = json.readTree(response.body());
        assertThat(plugins).extracting(node -> node.get("id").asText() + " " + node.get("state").asText())
                .containsExactlyInAnyOrder("greeter STARTED", "future-api INCOMPATIBLE", "failing-start FAILED");
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withForgedToken.statusCode()).isEqualTo(401);
    }

    @DbTest
    void runsAPluginsMigrationsAndServesItsRoutesTemplatesAndSettings(Database database) throws Exception {
        host = start(database);
        String token = host.apiTokens().issue("operator-1", Access.ADMIN, "test");

        JsonNode first = json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/p/greeter/greeting")).build()).body());
        JsonNode second = json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/p/greeter/greeting")).build()).body());
        assertThat(second.get("visits").asInt()).isEqualTo(first.get("visits").asInt() + 1);
        assertThat(send(HttpRequest.newBuilder(uri("/p/greeter/hello?name=%3Cb%3EAda%3C/b%3E")).build()).body())
                .contains("&lt;b&gt;Ada&lt;/b&gt;");

        HttpResponse<String> saved = send(HttpRequest.newBuilder(uri("/api/v1/plugins/greeter/settings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"greeting\":\"Hej\",\"api.key\":\"s3cret-value\"}")).build());
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("s3cret-value").contains("********");
        JsonNode greeting = json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/p/greeter/greeting")).build()).body());
        assertThat(greeting.get("greeting").asText()).isEqualTo("Hej");
        String stored = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT value FROM plugin_setting WHERE plugin_id = 'greeter' AND setting_key = 'api.key'").mapTo(String.class).one());
        assertThat(stored).as("secrets are sealed at rest").startsWith("v1:").doesNotContain("s3cret-value");

        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/plugins/greeter/settings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"greeting\":\"\",\"colour\":\"red\"}")).build());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.at("/errors/colour").asText()).isEqualTo("unknown setting");
        assertThat(json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/p/greeter/greeting")).build()).body())
                .get("greeting").asText()).as("nothing saved from a refused form").isEqualTo("Hej");
    }

    @DbTest
    void aDisabledPluginStaysDisabledAcrossARestart(Database database) throws Exception {
        host = start(database);
        String token = host.apiTokens().issue("operator-1", Access.ADMIN, "test");
        try {
            HttpResponse<String> disabled = send(HttpRequest.newBuilder(uri("/api/v1/plugins/greeter/disable"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(disabled.statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(uri("/p/greeter/hello")).build()).statusCode()).isEqualTo(404);

            host.close();
            host = start(database);

            assertThat(send(HttpRequest.newBuilder(uri("/p/greeter/hello")).build()).statusCode()).isEqualTo(404);
            HttpResponse<String> enabled = send(HttpRequest.newBuilder(uri("/api/v1/plugins/greeter/enable"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(enabled.statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(uri("/p/greeter/hello")).build()).statusCode()).isEqualTo(200);
        } finally {
            host.plugins().enable("greeter");
        }
    }

    @DbTest
    void aPluginSendsMailThroughTheHostsQueueAndSmtpServer(Database database) throws Exception {
        try (MailTestServer smtp = new MailTestServer().start()) {
            host = start(database, Map.of("KONTOR_MAIL_SMTP_HOST", MailTestServer.HOST,
                    "KONTOR_MAIL_SMTP_PORT", Integer.toString(smtp.port()), "KONTOR_MAIL_FROM", "shop@kontor.test"));
            String token = host.apiTokens().issue("operator-1", Access.ADMIN, "test");

            HttpResponse<String> queued = send(HttpRequest.newBuilder(uri("/admin/p/greeter/notify?to=ada@example.dk"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());

            assertThat(queued.statusCode()).isEqualTo(200);
            assertThat(smtp.greenMail().waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage received = smtp.greenMail().getReceivedMessages()[0];
            assertThat(received.getSubject()).isEqualTo("Greetings");
            assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ada@example.dk");
            assertThat(received.getFrom()[0].toString()).isEqualTo("shop@kontor.test");
        }
    }

    @DbTest
    void schedulesTheHostsJobsAndThoseOfItsPlugins(Database database) throws Exception {
        host = start(database, Map.of("KONTOR_JOBS_ENABLED", "true"));

        java.util.List<String> keys = java.util.List.of();
        for (int attempt = 0; attempt < 50 && keys.size() < 15; attempt++) {
            Thread.sleep(100);
            keys = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT job_key FROM job_schedule WHERE job_key LIKE 'host:%' ORDER BY job_key").mapTo(String.class).list());
        }

        // no registry with the POLL capability runs here, so there is no host:registry-poll:<id> job
        assertThat(keys).containsExactly("host:addon-provisioning", "host:addon-renewals", "host:dns-publish", "host:domain-operation-janitor", "host:event-outbox", "host:invoice-delivery",
                "host:mail-queue", "host:order-invoices", "host:orders", "host:parking-janitor", "host:payments-janitor",
                "host:prepaid-advance-documents",
                "host:prepaid-settlements", "host:registry-balance",
                "host:web-session-sweep");
    }

    @DbTest
    void aPluginsServiceRunsAndItsExtensionsStayOpenWhileThePluginIsEnabled(Database database) throws Exception {
        host = start(database, Map.of(), "service-plugin");
        Path portFile = data.resolve("plugin-data").resolve("service-plugin").resolve("port");
        int port = Integer.parseInt(Files.readString(portFile));
        assertThat(greeting(port)).isEqualTo("hello");

        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/p/service-plugin/ping")).build()).body()).isEqualTo("pong");
        Path closedMark = data.resolve("plugin-data").resolve("service-plugin").resolve("routes-closed");
        assertThat(closedMark).doesNotExist();

        host.plugins().disable("service-plugin");

        assertThatThrownBy(() -> greeting(port)).isInstanceOf(java.net.ConnectException.class);
        assertThat(closedMark).as("closeable extensions are closed with their plugin").exists();
        host.plugins().enable("service-plugin");
        assertThat(greeting(Integer.parseInt(Files.readString(portFile)))).isEqualTo("hello");
    }

    @DbTest
    void demoDataConnectsTheEppRegistryToTheSandboxRegistry(Database database) throws Exception {
        host = start(database, Map.of(), "epp-registry", "sandbox-registry", "registry-dk");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }

        new DemoData(host, port).load();

        HttpResponse<String> endpoint = send(HttpRequest.newBuilder(uri("/api/v1/p/sandbox-registry/endpoint"))
                .header("Authorization", "Bearer " + DemoData.ADMIN_TOKEN).build());
        assertThat(json.readTree(endpoint.body()).get("running").asBoolean()).isTrue();
        assertThat(json.readTree(endpoint.body()).get("port").asInt()).isEqualTo(port);
        HttpResponse<String> connection = send(HttpRequest.newBuilder(uri("/api/v1/plugins/epp-registry/settings/test"))
                .header("Authorization", "Bearer " + DemoData.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(json.readTree(connection.body()).get("succeeded").asBoolean())
                .as("the EPP registry logs in at the sandbox: %s", connection.body()).isTrue();

        // .dk goes to the sandbox's .dk profile through registry-dk, the other demo TLDs through the generic plugin
        HttpResponse<String> registries = send(HttpRequest.newBuilder(uri("/api/v1/registries"))
                .header("Authorization", "Bearer " + DemoData.ADMIN_TOKEN).build());
        assertThat(registries.statusCode()).as(registries.body()).isEqualTo(200);
        Map<String, List<String>> tldsByRegistry = new HashMap<>();
        for (var registry : json.readTree(registries.body())) {
            List<String> tlds = new ArrayList<>();
            registry.get("tlds").forEach(t -> tlds.add(t.asText()));
            tldsByRegistry.put(registry.get("id").asText(), tlds.stream().sorted().toList());
        }
        assertThat(tldsByRegistry).containsEntry(DemoData.SANDBOX_DK_REGISTRY_ID, List.of("dk"))
                .containsEntry(DemoData.SANDBOX_REGISTRY_ID, List.of("example", "test"));
        HttpResponse<String> dkConnection = send(HttpRequest.newBuilder(uri("/api/v1/plugins/registry-dk/settings/test"))
                .header("Authorization", "Bearer " + DemoData.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(json.readTree(dkConnection.body()).get("succeeded").asBoolean())
                .as("registry-dk logs in at the sandbox's .dk profile: %s", dkConnection.body()).isTrue();

        // the demo catalog: .dk orderable through the sandbox, .eu listed without a connected registry
        HttpResponse<String> catalog = send(HttpRequest.newBuilder(uri("/api/v1/catalog?currency=DKK&lang=de")).build());
        assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);
        Map<String, JsonNode> tlds = new HashMap<>();
        json.readTree(catalog.body()).get("tlds").forEach(tld -> tlds.put(tld.get("tld").asText(), tld));
        assertThat(tlds.get("dk").get("orderable").asBoolean()).as(catalog.body()).isTrue();
        assertThat(tlds.get("test").get("orderable").asBoolean()).isTrue();
        assertThat(tlds.get("eu").get("notOrderableReason").asText()).isEqualTo("no-registry");
        assertThat(json.readTree(catalog.body()).get("groups").get(1).get("name").asText()).isEqualTo("Europa");
    }

    @DbTest
    void healthReportsTheDatabaseAndMetricsArePrometheusText(Database database) throws Exception {
        host = start(database);

        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/health")).build());
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/metrics")).build());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).at("/checks/database").asText()).isEqualTo("UP");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
    }

    private KontorHost start(Database database) throws IOException {
        return start(database, Map.of());
    }

    private KontorHost start(Database database, Map<String, String> overrides, String... morePlugins) throws IOException {
        data = Files.createTempDirectory("kontor-host-test");
        List<String> deployed = new ArrayList<>(List.of("greeter", "future-api", "failing-start"));
        deployed.addAll(List.of(morePlugins));
        Path plugins = TestPlugins.deploy(data.resolve("plugins"), deployed.toArray(String[]::new));
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", plugins.toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.putAll(overrides);
        KontorConfig config = new ConfigLoader(environment, new Properties()).load(null, false);
        return KontorHost.start(config, Clock.systemUTC());
    }

    private static String greeting(int port) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.port() + path);
    }
}
