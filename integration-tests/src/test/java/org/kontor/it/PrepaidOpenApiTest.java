package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.demo.DemoData;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.web.OpenApiDocument;
import org.kontor.host.web.RegisteredRoute;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The prepaid account plugin's part of {@code /api/openapi.json} against the real plugin in a real host with the demo
 * data: every route under its prefix documented and nothing else, and its answers (the account, movements, renewals
 * and restores to come, a 402 with what is missing, another reseller's 404 and 403) match the documented schemas.
 */
@DatabaseTest
class PrepaidOpenApiTest {

    private static final String PREFIX = "/api/v1/p/prepaid-account";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void documentsEveryPrepaidRouteAndNoOther(Database database) throws Exception {
        start(database);
        List<RegisteredRoute> routes = host.web().routes();
        JsonNode served = json.readTree(send("GET", OpenApiDocument.PATH, null, null).body());

        Set<String> registered = new TreeSet<>();
        routes.stream().filter(route -> route.path().startsWith(PREFIX + "/")).forEach(route -> registered.add(route.toString()));
        Set<String> documented = new TreeSet<>();
        served.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (path.getKey().startsWith(PREFIX + "/") && Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));

        assertThat(registered).as("the plugin's routes").hasSize(27);
        assertThat(documented).as("its documented operations").isEqualTo(registered);
        OpenApiDocument.Coverage coverage = host.web().openApi().orElseThrow().coverage(routes);
        assertThat(coverage.undocumented()).isEmpty();
        assertThat(coverage.unregistered()).isEmpty();
    }

    @DbTest
    void resellerAndOperatorAnswersMatchTheDocument(Database database) throws Exception {
        start(database);
        String reseller = DemoData.RESELLER_TOKEN;
        String admin = DemoData.ADMIN_TOKEN;
        JsonNode doc = json.readTree(send("GET", OpenApiDocument.PATH, null, null).body());

        HttpResponse<String> overview = get("/account", reseller);
        assertMatches(doc, "GET", "/account", overview);
        JsonNode account = json.readTree(overview.body()).get("account");
        assertMatches(doc, "GET", "/account", get("/account?kind=TOP_UP,CHARGE&from=2020-01-01&limit=5", reseller));
        assertMatches(doc, "GET", "/account", get("/account?from=yesterday", reseller));
        assertMatches(doc, "GET", "/schemes", get("/schemes", reseller));
        HttpResponse<String> movements = get("/account/movements", reseller);
        assertMatches(doc, "GET", "/account/movements", movements);
        assertThat(json.readTree(movements.body())).as("the demo account's movements").isNotEmpty();
        assertMatches(doc, "GET", "/account/movements", get("/account/movements?limit=0", reseller));
        assertMatches(doc, "GET", "/account/movements.csv", get("/account/movements.csv", reseller));
        assertMatches(doc, "GET", "/account/payments", get("/account/payments", reseller));
        HttpResponse<String> upcoming = get("/account/upcoming", reseller);
        assertMatches(doc, "GET", "/account/upcoming", upcoming);
        assertThat(json.readTree(upcoming.body())).as("the demo reseller's renewals to come").isNotEmpty();
        HttpResponse<String> restorable = get("/account/restorable", reseller);
        assertMatches(doc, "GET", "/account/restorable", restorable);
        assertThat(json.readTree(restorable.body())).as("the demo reseller's domain in redemption").isNotEmpty();
        assertMatches(doc, "GET", "/account/settings", get("/account/settings", reseller));
        assertMatches(doc, "PUT", "/account/settings", send("PUT", PREFIX + "/account/settings", reseller,
                "{\"notifyEmail\": \"billing@reseller.example\", \"lowBalanceThreshold\": \"100.00\", \"upcomingNotices\": true, "
                        + "\"autoRenew\": false, \"language\": \"da\"}"));
        assertMatches(doc, "PUT", "/account/settings", send("PUT", PREFIX + "/account/settings", reseller,
                "{\"lowBalanceThreshold\": \"lots\"}"));

        HttpResponse<String> topUp = send("POST", PREFIX + "/account/top-ups", reseller, "{\"amount\": \"5000.00\"}");
        assertMatches(doc, "POST", "/account/top-ups", topUp);
        String topUpId = json.readTree(topUp.body()).get("id").asText();
        assertMatches(doc, "POST", "/account/top-ups", send("POST", PREFIX + "/account/top-ups", reseller, "{\"amount\": \"0.01\"}"));
        assertMatches(doc, "GET", "/account/top-ups", get("/account/top-ups", reseller));
        assertMatches(doc, "GET", "/admin/top-ups", get("/admin/top-ups", admin));
        assertMatches(doc, "GET", "/admin/top-ups", get("/admin/top-ups?state=NOPE", admin));
        assertMatches(doc, "POST", "/account/top-ups/{id}/cancel", send("POST", PREFIX + "/account/top-ups/" + topUpId + "/cancel", reseller, ""));
        assertMatches(doc, "POST", "/account/top-ups/{id}/cancel", send("POST", PREFIX + "/account/top-ups/" + topUpId + "/cancel", reseller, ""));
        assertMatches(doc, "POST", "/admin/top-ups/{id}/paid", send("POST", PREFIX + "/admin/top-ups/" + topUpId + "/paid", admin, "{}"));
        assertMatches(doc, "POST", "/admin/top-ups/{id}/paid", send("POST", PREFIX + "/admin/top-ups/nothing/paid", admin, "{}"));

        assertMatches(doc, "GET", "/admin/schemes", get("/admin/schemes", admin));
        assertMatches(doc, "POST", "/admin/schemes", send("POST", PREFIX + "/admin/schemes", admin,
                "{\"id\": \"openapi-eur\", \"name\": \"Euro deposit\", \"currency\": \"EUR\", \"minimumTopUp\": \"100.00\"}"));
        assertMatches(doc, "POST", "/admin/schemes", send("POST", PREFIX + "/admin/schemes", admin,
                "{\"id\": \"openapi-eur\", \"name\": \"Euro deposit\", \"currency\": \"EUR\", \"minimumTopUp\": \"100.00\"}"));
        assertMatches(doc, "POST", "/admin/schemes", send("POST", PREFIX + "/admin/schemes", admin, "{\"id\": \"\"}"));
        assertMatches(doc, "GET", "/admin/accounts", get("/admin/accounts", admin));
        assertMatches(doc, "POST", "/admin/reconciliation", send("POST", PREFIX + "/admin/reconciliation", admin, ""));

        // another reseller: no account yet, then one applied for and approved
        String other = host.apiTokens().issue("openapi-other-reseller", Access.RESELLER, "test");
        assertMatches(doc, "GET", "/account", get("/account", other));
        assertMatches(doc, "GET", "/account/upcoming", get("/account/upcoming", other));
        assertMatches(doc, "POST", "/account/restorable/{domain}/restore", send("POST",
                PREFIX + "/account/restorable/lapsed-demo.dk/restore", other, "{\"key\": \"openapi-other-1\"}"));
        assertMatches(doc, "GET", "/admin/accounts", get("/admin/accounts", other));
        String customer = host.apiTokens().issue("openapi-customer", Access.CUSTOMER, "test");
        assertMatches(doc, "GET", "/account", get("/account", customer));
        assertMatches(doc, "GET", "/account", get("/account", null));
        HttpResponse<String> applied = send("POST", PREFIX + "/applications", other, "{\"scheme\": \"openapi-eur\"}");
        assertMatches(doc, "POST", "/applications", applied);
        assertMatches(doc, "POST", "/applications", send("POST", PREFIX + "/applications", other, "{\"scheme\": \"openapi-eur\"}"));
        assertMatches(doc, "POST", "/applications", send("POST", PREFIX + "/applications", other, "{}"));
        assertMatches(doc, "GET", "/admin/applications", get("/admin/applications", admin));
        String otherId = json.readTree(applied.body()).get("id").asText();
        assertMatches(doc, "POST", "/admin/applications/{id}/approve", send("POST", PREFIX + "/admin/applications/" + otherId + "/approve", admin, ""));
        assertMatches(doc, "POST", "/admin/applications/{id}/approve", send("POST", PREFIX + "/admin/applications/" + otherId + "/approve", admin, ""));
        assertMatches(doc, "PUT", "/admin/accounts/{id}/credit-line", send("PUT", PREFIX + "/admin/accounts/" + otherId + "/credit-line", admin, "{\"creditLine\": \"50.00\"}"));
        assertMatches(doc, "PUT", "/admin/accounts/{id}/credit-line", send("PUT", PREFIX + "/admin/accounts/" + otherId + "/credit-line", admin, "{\"creditLine\": \"-5\"}"));
        assertMatches(doc, "PUT", "/admin/accounts/{id}/credit-line", send("PUT", PREFIX + "/admin/accounts/nothing/credit-line", admin, "{\"creditLine\": \"5\"}"));
        assertMatches(doc, "GET", "/account", get("/account", other));
        assertMatches(doc, "POST", "/account/restorable/{domain}/restore", send("POST",
                PREFIX + "/account/restorable/lapsed-demo.dk/restore", other, "{\"key\": \"openapi-other-2\"}"));

        // the demo account drained to a balance of 100.00: a restore (which the credit line does not pay) is not covered
        JsonNode now = json.readTree(get("/account", reseller).body()).get("account");
        BigDecimal balance = new BigDecimal(now.at("/balance/amount").asText());
        String accountId = account.get("id").asText();
        HttpResponse<String> drained = send("POST", PREFIX + "/admin/accounts/" + accountId + "/adjustments", admin,
                "{\"amount\": \"" + balance.subtract(new BigDecimal("100.00")).negate().toPlainString()
                        + "\", \"reason\": \"OpenAPI test\", \"key\": \"openapi-drain\"}");
        assertMatches(doc, "POST", "/admin/accounts/{id}/adjustments", drained);
        assertMatches(doc, "POST", "/admin/accounts/{id}/adjustments", send("POST", PREFIX + "/admin/accounts/" + accountId
                + "/adjustments", admin, "{\"amount\": \"x\"}"));
        String restore = "/account/restorable/{domain}/restore";
        String lapsed = json.readTree(restorable.body()).get(0).get("domain").asText();
        HttpResponse<String> refused = send("POST", PREFIX + "/account/restorable/" + lapsed + "/restore", reseller,
                "{\"key\": \"openapi-restore-1\"}");
        assertMatches(doc, "POST", restore, refused);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(402);
        assertThat(json.readTree(refused.body()).at("/missing/amount").isTextual()).as(refused.body()).isTrue();
        assertThat(json.readTree(refused.body()).at("/missing/amount").asText()).isEqualTo("150.00");
        assertMatches(doc, "POST", restore, send("POST", PREFIX + "/account/restorable/" + lapsed + "/restore", reseller,
                "{\"key\": \"openapi-drain\"}"));
        assertMatches(doc, "POST", restore, send("POST", PREFIX + "/account/restorable/nothing-here.dk/restore", reseller,
                "{\"key\": \"openapi-restore-2\"}"));
        assertMatches(doc, "POST", restore, send("POST", PREFIX + "/account/restorable/" + lapsed + "/restore", reseller, "{}"));
        String renew = "/account/upcoming/{domain}/renew";
        JsonNode soon = json.readTree(upcoming.body()).get(0);
        HttpResponse<String> notCovered = send("POST", PREFIX + "/account/upcoming/" + soon.get("domain").asText() + "/renew",
                reseller, "{\"key\": \"openapi-renew-1\"}");
        assertMatches(doc, "POST", renew, notCovered);
        assertMatches(doc, "POST", renew, send("POST", PREFIX + "/account/upcoming/nothing-here.dk/renew", reseller,
                "{\"key\": \"openapi-renew-2\"}"));
        assertMatches(doc, "POST", renew, send("POST", PREFIX + "/account/upcoming/" + soon.get("domain").asText() + "/renew",
                reseller, "{\"key\": \"not a key!\"}"));
        String terminate = "/account/upcoming/{domain}/terminate";
        assertMatches(doc, "POST", terminate, send("POST", PREFIX + "/account/upcoming/" + soon.get("domain").asText()
                + "/terminate", reseller, ""));
        assertMatches(doc, "POST", terminate, send("POST", PREFIX + "/account/upcoming/nothing-here.dk/terminate", reseller, ""));

        String drainId = json.readTree(drained.body()).get("id").asText();
        String reversal = "/admin/entries/{id}/reversal";
        assertMatches(doc, "POST", reversal, send("POST", PREFIX + "/admin/entries/" + drainId + "/reversal", admin,
                "{\"reason\": \"OpenAPI test done\"}"));
        assertMatches(doc, "POST", reversal, send("POST", PREFIX + "/admin/entries/" + drainId + "/reversal", admin,
                "{\"reason\": \"OpenAPI test done\"}"));
        assertMatches(doc, "POST", reversal, send("POST", PREFIX + "/admin/entries/nothing/reversal", admin,
                "{\"reason\": \"x\"}"));
        assertMatches(doc, "GET", "/account/movements", get("/account/movements", reseller));
        assertMatches(doc, "GET", "/account", get("/account", reseller));
    }

    // ---- helpers ----

    private void start(Database database) throws Exception {
        Path data = Files.createTempDirectory("kontor-prepaid-openapi-test");
        host = KontorHost.start(new ConfigLoader(Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_MODE", "development",
                "KONTOR_PLUGINS_DIR", Path.of("..", "plugins").toAbsolutePath().normalize().toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false"), new Properties()).load(null, false), Clock.systemUTC());
        int sandboxPort;
        try (ServerSocket free = new ServerSocket(0)) {
            sandboxPort = free.getLocalPort();
        }
        new DemoData(host, sandboxPort).load();
        assertThat(host.plugins().activePluginIds()).contains("prepaid-account");
    }

    /** The answer's status is documented for the plugin's operation, and its body matches the documented schema. */
    private void assertMatches(JsonNode doc, String method, String path, HttpResponse<String> response) throws Exception {
        String full = PREFIX + path;
        String where = method + " " + full + " → " + response.statusCode();
        JsonNode answer = doc.path("paths").path(full).path(method.toLowerCase()).path("responses")
                .path(String.valueOf(response.statusCode()));
        assertThat(answer.isMissingNode()).as(where + " is a documented answer; body: " + response.body()).isFalse();
        if (answer.has("$ref")) {
            answer = doc.at(answer.get("$ref").asText().substring(1));
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode schema = answer.path("content").path(type).path("schema");
        assertThat(schema.isMissingNode()).as(where + " documents content of type " + type + "; body: " + response.body()).isFalse();
        JsonNode body = type.endsWith("json") ? json.readTree(response.body()) : json.getNodeFactory().textNode(response.body());
        assertThat(violations(doc, schema, body)).as(where + ": " + response.body()).isEmpty();
    }

    /** Validates against a schema of the document, strict: objects may carry only the properties documented. */
    private Set<ValidationMessage> violations(JsonNode doc, JsonNode schema, JsonNode value) {
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", strict(doc.get("components").deepCopy()));
        root.set("allOf", json.createArrayNode().add(strict(schema.deepCopy())));
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        return validator.validate(value);
    }

    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(PrepaidOpenApiTest::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(PrepaidOpenApiTest::strict);
        }
        return node;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", PREFIX + path, token, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
