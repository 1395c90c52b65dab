package org.kontor.host.billing.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.PluginApi;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.plugins.HostPluginContexts;
import org.kontor.host.plugins.HostServices;
import org.kontor.host.plugins.JdbiPluginStates;
import org.kontor.host.plugins.PluginHost;
import org.kontor.host.plugins.PluginHostSettings;
import org.kontor.host.secrets.SecretBox;
import org.kontor.host.security.AccessControl;
import org.kontor.host.settings.PluginSettingsService;
import org.kontor.host.settings.SettingsSchemas;
import org.kontor.host.web.HostWeb;
import org.kontor.host.web.WebServer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** The operator's dunning routes over HTTP: only an operator starts and reads runs and excludes customers. */
@DatabaseTest(migrateHost = true)
class DunningApiTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private final TestClock clock = TestClock.at(Instant.parse("2027-03-08T09:00:00Z"));
    private Dunnings d;
    private PluginHost plugins;
    private WebServer server;

    @BeforeEach
    void start(Database db) throws Exception {
        Dunnings.clear(db);
        d = new Dunnings(db, clock);
        SecretBox secrets = SecretBox.withKey(SecretBox.newKey(new SecureRandom()));
        PluginSettingsService settings = new PluginSettingsService(db.jdbi(), secrets, clock);
        FakeExtensions extensions = new FakeExtensions();
        plugins = new PluginHost(new PluginHostSettings(Files.createDirectories(temp.resolve("plugins")), false,
                PluginApi.version()), new JdbiPluginStates(db.jdbi(), clock),
                new HostPluginContexts(new HostServices(clock, db.jdbi(), null, secrets, null, null, temp),
                        settings, new SettingsSchemas(extensions)), (id, loader) -> { });
        plugins.start();
        AccessControl access = new AccessControl(List.of(ctx -> Optional.ofNullable(ctx.header("X-Test-Role"))
                .map(role -> new Caller("tester", Access.valueOf(role)))));
        HostWeb web = new HostWeb(json, plugins, access,
                List.of(config -> new DunningApi(d.runs, d.profiles).register(config.routes)),
                Map.of("database", () -> { }), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(),
                (ctx, status) -> ctx.status(status).html("<h1>" + status + "</h1>"));
        server = new WebServer("127.0.0.1", 0);
        server.start();
        server.serve(web.build());
    }

    @AfterEach
    void stop() {
        server.close();
        plugins.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (role != null) {
            request.header("X-Test-Role", role);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @DbTest
    void onlyAnOperatorUsesTheRoutes(Database db) throws Exception {
        d.customer("anna", "en");
        for (String role : new String[] {null, "CUSTOMER", "RESELLER"}) {
            int expected = role == null ? 401 : 403;
            assertThat(send("POST", "/api/v1/admin/dunning/runs?dryRun=false", "", role).statusCode()).as(role)
                    .isEqualTo(expected);
            assertThat(send("GET", "/api/v1/admin/dunning/runs/x", null, role).statusCode()).as(role).isEqualTo(expected);
            assertThat(send("PUT", "/api/v1/admin/customers/anna/dunning", "{\"excluded\": true}", role).statusCode())
                    .as(role).isEqualTo(expected);
        }
        assertThat(d.count("dunning_run")).isZero();
        assertThat(d.profiles.of("anna").dunningExcluded()).isFalse();
    }

    @DbTest
    void anOperatorStartsARunAndFollowsIt(Database db) throws Exception {
        d.customer("anna", "en");
        Invoice invoice = d.invoice("anna", "1000.00", "DKK", LocalDate.of(2027, 3, 1));

        HttpResponse<String> started = send("POST", "/api/v1/admin/dunning/runs?dryRun=false", "", "ADMIN");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = json.readTree(started.body()).get("id").asText();
        assertThat(started.headers().firstValue("Location")).contains("/api/v1/admin/dunning/runs/" + id);
        JsonNode run = json.readTree(send("GET", "/api/v1/admin/dunning/runs/" + id, null, "ADMIN").body());
        assertThat(run.get("state").asText()).isEqualTo("DONE");
        assertThat(run.get("dryRun").asBoolean()).isFalse();
        assertThat(run.get("total").asInt()).isEqualTo(1);
        assertThat(run.get("lookedAt").asInt()).isEqualTo(1);
        assertThat(run.get("mailsQueued").asInt()).isEqualTo(1);
        JsonNode item = run.get("invoices").get(0);
        assertThat(item.get("invoiceNumber").asText()).isEqualTo(invoice.number());
        assertThat(item.get("outcome").asText()).isEqualTo("DUNNED");
        assertThat(item.get("level").asText()).isEqualTo("REMINDER");
        assertThat(item.get("outstanding").get("amount").asText()).isEqualTo("1000.00");
        assertThat(d.count("mail_queue")).isEqualTo(1);
    }

    @DbTest
    void aDryRunIsReadBackAndChangesNothing(Database db) throws Exception {
        d.customer("anna", "en");
        d.invoice("anna", "1000.00", "DKK", LocalDate.of(2027, 3, 1));

        HttpResponse<String> started = send("POST", "/api/v1/admin/dunning/runs?dryRun=true", "", "ADMIN");

        JsonNode run = json.readTree(send("GET", "/api/v1/admin/dunning/runs/"
                + json.readTree(started.body()).get("id").asText(), null, "ADMIN").body());
        assertThat(run.get("dryRun").asBoolean()).isTrue();
        assertThat(run.get("invoices").get(0).get("outcome").asText()).isEqualTo("DUNNED");
        assertThat(d.count("mail_queue") + d.count("dunning_level") + d.count("dunning_run")).isZero();
    }

    @DbTest
    void refusedRequestsAnswerProblems(Database db) throws Exception {
        HttpResponse<String> missing = send("POST", "/api/v1/admin/dunning/runs", "", "ADMIN");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(missing.body()).get("errors").has("dryRun")).isTrue();
        assertThat(send("POST", "/api/v1/admin/dunning/runs?dryRun=maybe", "", "ADMIN").statusCode()).isEqualTo(422);
        assertThat(send("GET", "/api/v1/admin/dunning/runs/nope", null, "ADMIN").statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/api/v1/admin/customers/nobody/dunning", "{\"excluded\": true}", "ADMIN").statusCode())
                .isEqualTo(404);
        d.customer("anna", "en");
        assertThat(send("PUT", "/api/v1/admin/customers/anna/dunning", "{\"excluded\": \"yes\"}", "ADMIN").statusCode())
                .isEqualTo(422);
        assertThat(send("PUT", "/api/v1/admin/customers/anna/dunning", "{not json", "ADMIN").statusCode()).isEqualTo(400);
    }

    @DbTest
    void anOperatorExcludesACustomerAndIncludesThemAgain(Database db) throws Exception {
        d.customer("anna", "en");
        d.invoice("anna", "1000.00", "DKK", LocalDate.of(2027, 3, 1));

        HttpResponse<String> excluded = send("PUT", "/api/v1/admin/customers/anna/dunning", "{\"excluded\": true}", "ADMIN");

        assertThat(excluded.statusCode()).as(excluded.body()).isEqualTo(200);
        assertThat(json.readTree(excluded.body()).get("excluded").asBoolean()).isTrue();
        assertThat(d.profiles.of("anna").dunningExcluded()).isTrue();
        assertThat(d.runs.run(false).invoices().get(0).outcome()).isEqualTo(Outcome.EXCLUDED);
        send("PUT", "/api/v1/admin/customers/anna/dunning", "{\"excluded\": false}", "ADMIN");
        assertThat(d.profiles.of("anna").dunningExcluded()).isFalse();
        assertThat(d.runs.run(false).invoices().get(0).outcome()).isEqualTo(Outcome.DUNNED);
    }
}
