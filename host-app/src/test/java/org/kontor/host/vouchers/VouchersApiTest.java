package org.kontor.host.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.PluginApi;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.database.Database;
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
import org.kontor.host.web.RegisteredRoute;
import org.kontor.host.web.WebServer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The operator's voucher API over HTTP: what it keeps and answers, refused input as problem+json per field, roles; every
 * answer matches the OpenAPI document (ORD-13, ORD-10).
 */
@DatabaseTest(migrateHost = true)
class VouchersApiTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private final TestClock clock = TestClock.at(Instant.parse("2027-03-01T12:00:00Z"));
    private VoucherStore store;
    private PluginHost plugins;
    private WebServer server;
    private HostWeb web;
    private JsonNode doc;

    @BeforeEach
    void start(Database db) throws Exception {
        db.jdbi().useHandle(h -> List.of("voucher", "voucher_customer_use", "voucher_redemption", "voucher_redemption_line")
                .forEach(table -> h.execute("DELETE FROM " + table)));
        store = new VoucherStore(db.jdbi(), clock);
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
        web = new HostWeb(json, plugins, access,
                List.of(config -> new VouchersApi(store, json, clock).register(config.routes)),
                Map.of("database", () -> { }), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(),
                (ctx, status) -> ctx.status(status).html("<h1>" + status + "</h1>"));
        server = new WebServer("127.0.0.1", 0);
        server.start();
        server.serve(web.build());
        doc = web.openApi().orElseThrow().json();
    }

    @AfterEach
    void stop() {
        server.close();
        plugins.close();
    }

    private static final String DK50 = """
            {"code": " dk50 ", "description": "50 DKK off .dk", "amount": {"amount": "50", "currency": "DKK"},
             "maxUses": 1000, "tlds": [".DK"], "kinds": ["domain_create"],
             "validFrom": "2027-01-01T00:00:00Z", "validUntil": "2028-01-01T00:00:00Z"}
            """;

    @DbTest
    void anOperatorAddsAVoucherAndReadsItBack(Database db) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/vouchers", DK50, "ADMIN");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/vouchers/DK50");
        assertMatches("POST", "/api/v1/vouchers", created);
        JsonNode voucher = json.readTree(send("GET", "/api/v1/vouchers/dk50", null, "ADMIN").body());
        assertThat(voucher.get("code").asText()).isEqualTo("DK50");
        assertThat(voucher.get("amount").get("amount").asText()).isEqualTo("50.00");
        assertThat(voucher.get("percent").isNull()).isTrue();
        assertThat(voucher.get("tlds")).containsExactly(json.getNodeFactory().textNode("dk"));
        assertThat(voucher.get("kinds")).containsExactly(json.getNodeFactory().textNode("DOMAIN_CREATE"));
        assertThat(voucher.get("status").asText()).isEqualTo("active");
        assertThat(voucher.get("used").asInt()).isZero();
        assertThat(voucher.get("remaining").asInt()).isEqualTo(1000);
        assertThat(store.find("DK50").orElseThrow().voucher().validUntil()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
        assertMatches("GET", "/api/v1/vouchers/{code}", send("GET", "/api/v1/vouchers/dk50", null, "ADMIN"));
        HttpResponse<String> list = send("GET", "/api/v1/vouchers", null, "ADMIN");
        assertMatches("GET", "/api/v1/vouchers", list);
        assertThat(json.readTree(list.body())).hasSize(1);
    }

    @DbTest
    void addingACodeThatExistsIsAConflictAndChangesNothing(Database db) throws Exception {
        send("POST", "/api/v1/vouchers", DK50, "ADMIN");

        HttpResponse<String> again = send("POST", "/api/v1/vouchers", "{\"code\": \"DK50\", \"percent\": \"90\"}", "ADMIN");

        assertThat(again.statusCode()).isEqualTo(409);
        assertMatches("POST", "/api/v1/vouchers", again);
        assertThat(store.find("DK50").orElseThrow().voucher().discount()).isInstanceOf(Discount.Amount.class);
    }

    @DbTest
    void putReplacesTheTermsAndKeepsTheUses(Database db) throws Exception {
        HttpResponse<String> added = send("PUT", "/api/v1/vouchers/spring", "{\"percent\": 15, \"maxUsesPerCustomer\": 1}", "ADMIN");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertMatches("PUT", "/api/v1/vouchers/{code}", added);
        db.jdbi().useHandle(h -> h.execute("UPDATE voucher SET used = 7 WHERE code = 'SPRING'"));

        HttpResponse<String> replaced = send("PUT", "/api/v1/vouchers/SPRING", "{\"code\": \"spring\", \"percent\": \"12.5\", "
                + "\"minimumOrder\": {\"amount\": \"100.00\", \"currency\": \"eur\"}, \"enabled\": false}", "ADMIN");

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertMatches("PUT", "/api/v1/vouchers/{code}", replaced);
        JsonNode voucher = json.readTree(replaced.body());
        assertThat(voucher.get("percent").asText()).isEqualTo("12.5");
        assertThat(voucher.get("maxUsesPerCustomer").isNull()).as("a PUT replaces every term").isTrue();
        assertThat(voucher.get("minimumOrder").get("currency").asText()).isEqualTo("EUR");
        assertThat(voucher.get("status").asText()).isEqualTo("disabled");
        assertThat(voucher.get("used").asInt()).isEqualTo(7);
    }

    @DbTest
    void disablingAndEnablingAVoucher(Database db) throws Exception {
        send("POST", "/api/v1/vouchers", DK50, "ADMIN");

        HttpResponse<String> disabled = send("POST", "/api/v1/vouchers/Dk50/disable", "", "ADMIN");
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertMatches("POST", "/api/v1/vouchers/{code}/disable", disabled);
        assertThat(json.readTree(disabled.body()).get("status").asText()).isEqualTo("disabled");
        assertThat(store.find("DK50").orElseThrow().voucher().enabled()).isFalse();

        HttpResponse<String> enabled = send("POST", "/api/v1/vouchers/DK50/enable", "", "ADMIN");
        assertMatches("POST", "/api/v1/vouchers/{code}/enable", enabled);
        assertThat(store.find("DK50").orElseThrow().voucher().enabled()).isTrue();
    }

    @DbTest
    void theStatusTellsWhyCustomersCannotUseIt(Database db) throws Exception {
        send("PUT", "/api/v1/vouchers/LATER", "{\"percent\": 5, \"validFrom\": \"2027-06-01T00:00:00Z\"}", "ADMIN");
        send("PUT", "/api/v1/vouchers/GONE", "{\"percent\": 5, \"validUntil\": \"2027-03-01T12:00:00Z\"}", "ADMIN");
        send("PUT", "/api/v1/vouchers/SPENT", "{\"percent\": 5, \"maxUses\": 1}", "ADMIN");
        db.jdbi().useHandle(h -> h.execute("UPDATE voucher SET used = 1 WHERE code = 'SPENT'"));

        assertThat(status("LATER")).isEqualTo("scheduled");
        assertThat(status("GONE")).as("the end is exclusive").isEqualTo("expired");
        assertThat(status("SPENT")).isEqualTo("used-up");
    }

    @DbTest
    void refusedInputAnswers422NamingEachFieldAndStoresNothing(Database db) throws Exception {
        HttpResponse<String> refused = send("POST", "/api/v1/vouchers", """
                {"code": "x", "percent": "150", "validFrom": "2027-02-01T00:00:00Z", "validUntil": "2027-01-01T00:00:00Z",
                 "maxUses": 0, "maxUsesPerCustomer": 2.5, "tlds": ["-bad-"], "kinds": ["LEASE"],
                 "minimumOrder": {"amount": "1.234", "currency": "DKK"}}
                """, "ADMIN");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertMatches("POST", "/api/v1/vouchers", refused);
        JsonNode errors = json.readTree(refused.body()).get("errors");
        assertThat(names(errors)).containsExactlyInAnyOrder("maxUsesPerCustomer", "tlds", "kinds", "minimumOrder.amount",
                "code", "percent", "validUntil", "maxUses");

        HttpResponse<String> rules = send("POST", "/api/v1/vouchers", """
                {"code": "x", "percent": "150", "validFrom": "2027-02-01T00:00:00Z", "validUntil": "2027-01-01T00:00:00Z",
                 "maxUses": 0, "minimumOrder": {"amount": "-5", "currency": "DKK"}}
                """, "ADMIN");
        assertThat(names(json.readTree(rules.body()).get("errors")))
                .containsExactlyInAnyOrder("code", "percent", "validUntil", "maxUses", "minimumOrder");
        HttpResponse<String> both = send("POST", "/api/v1/vouchers",
                "{\"code\": \"BOTH\", \"percent\": 10, \"amount\": {\"amount\": \"5\", \"currency\": \"DKK\"}}", "ADMIN");
        assertThat(names(json.readTree(both.body()).get("errors"))).containsExactly("discount");
        HttpResponse<String> neither = send("POST", "/api/v1/vouchers", "{\"code\": \"NONE\"}", "ADMIN");
        assertThat(names(json.readTree(neither.body()).get("errors"))).containsExactly("discount");
        HttpResponse<String> renamed = send("PUT", "/api/v1/vouchers/ONE", "{\"code\": \"TWO\", \"percent\": 10}", "ADMIN");
        assertThat(renamed.statusCode()).isEqualTo(422);
        assertMatches("PUT", "/api/v1/vouchers/{code}", renamed);
        HttpResponse<String> currency = send("PUT", "/api/v1/vouchers/MIXED", "{\"amount\": {\"amount\": \"5\", \"currency\": \"DKK\"}, "
                + "\"minimumOrder\": {\"amount\": \"50\", \"currency\": \"EUR\"}}", "ADMIN");
        assertThat(names(json.readTree(currency.body()).get("errors"))).containsExactly("minimumOrder");
        assertThat(store.all()).isEmpty();
    }

    @DbTest
    void aBodyThatIsNoJsonObjectIsABadRequest(Database db) throws Exception {
        HttpResponse<String> broken = send("POST", "/api/v1/vouchers", "{not json", "ADMIN");
        HttpResponse<String> array = send("PUT", "/api/v1/vouchers/X1", "[]", "ADMIN");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertMatches("POST", "/api/v1/vouchers", broken);
        assertThat(array.statusCode()).isEqualTo(400);
        assertMatches("PUT", "/api/v1/vouchers/{code}", array);
    }

    @DbTest
    void anUnknownVoucherIs404(Database db) throws Exception {
        for (String[] call : List.of(new String[] {"GET", "/api/v1/vouchers/NOPE", "/api/v1/vouchers/{code}"},
                new String[] {"POST", "/api/v1/vouchers/NOPE/disable", "/api/v1/vouchers/{code}/disable"},
                new String[] {"POST", "/api/v1/vouchers/NOPE/enable", "/api/v1/vouchers/{code}/enable"})) {
            HttpResponse<String> answer = send(call[0], call[1], call[0].equals("POST") ? "" : null, "ADMIN");
            assertThat(answer.statusCode()).isEqualTo(404);
            assertMatches(call[0], call[2], answer);
        }
    }

    @DbTest
    void onlyOperatorsMayUseIt(Database db) throws Exception {
        send("POST", "/api/v1/vouchers", DK50, "ADMIN");

        for (String role : List.of("CUSTOMER", "RESELLER")) {
            assertThat(send("GET", "/api/v1/vouchers", null, role).statusCode()).isEqualTo(403);
            assertThat(send("GET", "/api/v1/vouchers/DK50", null, role).statusCode()).isEqualTo(403);
            assertThat(send("POST", "/api/v1/vouchers", "{\"code\": \"MINE\", \"percent\": 100}", role).statusCode()).isEqualTo(403);
            assertThat(send("PUT", "/api/v1/vouchers/DK50", "{\"percent\": 100}", role).statusCode()).isEqualTo(403);
            assertThat(send("POST", "/api/v1/vouchers/DK50/disable", "", role).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> anonymous = send("GET", "/api/v1/vouchers", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(store.all()).hasSize(1);
        assertThat(store.find("DK50").orElseThrow().voucher().enabled()).isTrue();
    }

    @DbTest
    void everyVoucherRouteIsDocumentedForOperators(Database db) {
        Set<String> registered = new TreeSet<>();
        for (RegisteredRoute route : web.routes()) {
            if (route.path().startsWith("/api/v1/vouchers")) {
                registered.add(route.toString());
                assertThat(route.access()).as(route.toString()).isEqualTo(Access.ADMIN);
                assertThat(doc.path("paths").path(route.path()).path(route.method().toLowerCase()).path("x-kontor-access").asText())
                        .isEqualTo("ADMIN");
            }
        }
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1/vouchers")) {
                path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
            }
        });
        assertThat(registered).hasSize(6).isEqualTo(documented);
    }

    // ---- helpers ----

    private String status(String code) throws Exception {
        return json.readTree(send("GET", "/api/v1/vouchers/" + code, null, "ADMIN").body()).get("status").asText();
    }

    private static Set<String> names(JsonNode errors) {
        Set<String> names = new TreeSet<>();
        errors.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> send(String method, String path, String body, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (role != null) {
            request.header("X-Test-Role", role);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's status is documented for the operation, and its body matches the documented schema (strictly). */
    private void assertMatches(String method, String path, HttpResponse<String> response) throws Exception {
        String where = method + " " + path + " → " + response.statusCode();
        JsonNode answer = doc.path("paths").path(path).path(method.toLowerCase()).path("responses").path(String.valueOf(response.statusCode()));
        assertThat(answer.isMissingNode()).as(where + " is a documented answer; body: " + response.body()).isFalse();
        if (answer.has("$ref")) {
            answer = doc.at(answer.get("$ref").asText().substring(1));
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode schema = answer.path("content").path(type).path("schema");
        assertThat(schema.isMissingNode()).as(where + " documents content of type " + type).isFalse();
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", strict(doc.get("components").deepCopy()));
        root.set("allOf", json.createArrayNode().add(strict(schema.deepCopy())));
        Set<ValidationMessage> violations = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root)
                .validate(json.readTree(response.body()));
        assertThat(violations).as(where + ": " + response.body()).isEmpty();
    }

    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(VouchersApiTest::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(VouchersApiTest::strict);
        }
        return node;
    }
}
