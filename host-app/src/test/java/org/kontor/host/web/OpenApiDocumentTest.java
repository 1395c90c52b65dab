package org.kontor.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.demo.DemoData;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.TestDatabase;

/**
 * The OpenAPI document at {@code /api/openapi.json} against the host as an operator runs it, with the shipped
 * plugins: it documents every route under {@code /api/} and nothing else, it is valid OpenAPI 3.1, and real
 * answers match its schemas.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    private static final List<String> SHIPPED = List.of("epp-registry", "sandbox-registry", "registry-dk",
            "payment-bank-transfer");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private final TestDatabase database = TestDatabase.sqlite();
    private KontorHost host;
    private Path data;

    @BeforeAll
    void start() throws Exception {
        data = Files.createTempDirectory("kontor-openapi-test");
        Path plugins = TestPlugins.deploy(data.resolve("plugins"), SHIPPED.toArray(String[]::new));
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.database().config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", plugins.toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        host = KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), Clock.systemUTC());
        int sandboxPort;
        try (ServerSocket free = new ServerSocket(0)) {
            sandboxPort = free.getLocalPort();
        }
        new DemoData(host, sandboxPort).load();
        assertThat(host.plugins().activePluginIds()).containsAll(SHIPPED);
    }

    @AfterAll
    void stop() {
        if (host != null) {
            host.close();
        }
        database.close();
    }

    @Test
    void documentsEveryRegisteredApiRouteAndNoOther() throws Exception {
        List<RegisteredRoute> routes = host.web().routes();
        JsonNode served = json.readTree(get(OpenApiDocument.PATH, null).body());

        Set<String> registered = new TreeSet<>();
        routes.stream().filter(route -> route.path().startsWith("/api/")).forEach(route -> registered.add(route.toString()));
        Set<String> documented = operations(served);
        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(documented);
        Set<String> unregistered = new TreeSet<>(documented);
        unregistered.removeAll(registered);

        assertThat(undocumented).as("routes under /api/ missing from " + OpenApiDocument.PATH).isEmpty();
        assertThat(unregistered).as("operations in " + OpenApiDocument.PATH + " that no route serves").isEmpty();
        assertThat(host.web().openApi().orElseThrow().coverage(routes).complete()).isTrue();
        assertThat(registered).as("the plugins' routes are among them")
                .contains("GET /api/v1/p/sandbox-registry/endpoint", "GET /api/v1/registries");
    }

    @Test
    void securityFollowsEachRoutesAccess() throws Exception {
        JsonNode served = json.readTree(get(OpenApiDocument.PATH, null).body());
        for (RegisteredRoute route : host.web().routes()) {
            if (!route.path().startsWith("/api/")) {
                continue;
            }
            JsonNode operation = served.path("paths").path(route.path()).path(route.method().toLowerCase());
            assertThat(operation.path("x-kontor-access").asText()).as(route.toString()).isEqualTo(route.access().name());
            if (route.access() == Access.PUBLIC) {
                assertThat(operation.get("security")).as(route + " is public").isEmpty();
            } else {
                assertThat(operation.at("/security/0/bearer").isArray()).as(route + " takes a bearer token").isTrue();
                assertThat(operation.at("/responses/401/$ref").asText()).as(route.toString()).isEqualTo("#/components/responses/Unauthorized");
            }
        }
        assertThat(served.at("/paths/~1api~1v1~1p~1sandbox-registry~1endpoint/get/responses/200/content/application~1json/schema/$ref").asText())
                .as("a plugin's own schemas are renamed under its id")
                .isEqualTo("#/components/schemas/sandbox-registry.Endpoint");
    }

    @Test
    void isValidOpenApi31() throws Exception {
        String served = get(OpenApiDocument.PATH, null).body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served, null, options);

        assertThat(result.getMessages()).as("the parser's complaints").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKey("/api/v1/p/sandbox-registry/endpoint");
        Set<String> operationIds = new TreeSet<>();
        result.getOpenAPI().getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            assertThat(operation.getOperationId()).as("operationId of " + path).isNotBlank();
            assertThat(operation.getSummary()).as("summary of " + path).isNotBlank();
            assertThat(operationIds.add(operation.getOperationId())).as("unique " + operation.getOperationId()).isTrue();
        }));
    }

    @Test
    void isServedWithAnEtagAndAnswers304WhenUnchanged() throws Exception {
        HttpResponse<String> first = get(OpenApiDocument.PATH, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri(OpenApiDocument.PATH))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void followsThePluginsAsTheyChange() throws Exception {
        String before = get(OpenApiDocument.PATH, null).headers().firstValue("ETag").orElseThrow();
        host.plugins().disable("sandbox-registry");
        try {
            HttpResponse<String> without = get(OpenApiDocument.PATH, null);
            assertThat(without.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
            assertThat(operations(json.readTree(without.body()))).noneMatch(op -> op.contains("/p/sandbox-registry/"));
            assertThat(host.web().openApi().orElseThrow().coverage(host.web().routes()).complete()).isTrue();
        } finally {
            host.plugins().enable("sandbox-registry");
        }
        assertThat(get(OpenApiDocument.PATH, null).headers().firstValue("ETag").orElseThrow()).isEqualTo(before);
    }

    @Test
    void hostAnswersMatchTheirSchemas() throws Exception {
        String admin = host.apiTokens().issue("operator-openapi", Access.ADMIN, "test");
        JsonNode doc = json.readTree(get(OpenApiDocument.PATH, null).body());

        assertMatches(doc, "GET", "/api/v1/plugins", get("/api/v1/plugins", admin));
        assertMatches(doc, "GET", "/api/v1/plugins/{id}", get("/api/v1/plugins/epp-registry", admin));
        assertMatches(doc, "GET", "/api/v1/plugins/{id}", get("/api/v1/plugins/nothing-here", admin));
        assertMatches(doc, "GET", "/api/v1/plugins/{id}/settings", get("/api/v1/plugins/epp-registry/settings", admin));
        HttpResponse<String> registries = get("/api/v1/registries", admin);
        assertMatches(doc, "GET", "/api/v1/registries", registries);
        assertThat(json.readTree(registries.body()).findValues("balance")).as("a registry with balance figures").isNotEmpty();
        assertMatches(doc, "GET", "/api/v1/registries/messages", get("/api/v1/registries/messages?limit=5", admin));
        assertMatches(doc, "GET", "/api/v1/p/sandbox-registry/endpoint", get("/api/v1/p/sandbox-registry/endpoint", admin));
        assertMatches(doc, "GET", "/api/v1/plugins", get("/api/v1/plugins", null));
    }

    @Test
    void catalogAnswersMatchTheirSchemas() throws Exception {
        String admin = host.apiTokens().issue("operator-openapi-catalog", Access.ADMIN, "test");
        JsonNode doc = json.readTree(get(OpenApiDocument.PATH, null).body());
        String se = """
                {"registryId": null, "register": {"minYears": 1, "maxYears": 10}, "renew": {"minYears": 1, "maxYears": 10},
                 "idn": {"allowed": true, "table": "sv"}, "requiredFields": {"COMPANY": ["vatNumber"], "PERSON": []},
                 "residenceCountries": ["se"], "eligibilityNote": "Swedish holders only.",
                 "phases": [{"phase": "SUNRISE", "startsAt": "2020-01-01T00:00:00Z", "endsAt": "2099-01-01T00:00:00Z"},
                            {"phase": "GENERAL_AVAILABILITY", "startsAt": "2099-01-01T00:00:00Z"}],
                 "prices": [{"operation": "register", "currency": "EUR", "amount": "12.00"}]}""";
        try {
            HttpResponse<String> created = send("PUT", "/api/v1/catalog/tlds/se", admin, se);
            assertThat(created.statusCode()).isEqualTo(201);
            assertMatches(doc, "PUT", "/api/v1/catalog/tlds/{tld}", created);
            assertMatches(doc, "PUT", "/api/v1/catalog/tlds/{tld}", send("PUT", "/api/v1/catalog/tlds/se", admin, se));
            assertMatches(doc, "PUT", "/api/v1/catalog/tlds/{tld}", send("PUT", "/api/v1/catalog/tlds/se", admin, "{not json"));
            assertMatches(doc, "PUT", "/api/v1/catalog/tlds/{tld}", send("PUT", "/api/v1/catalog/tlds/se", admin,
                    "{\"phases\": [{\"phase\": \"LANDRUSH\"}], \"requiredFields\": {\"ROBOT\": []}}"));
            assertMatches(doc, "GET", "/api/v1/catalog/tlds", get("/api/v1/catalog/tlds", admin));
            assertMatches(doc, "GET", "/api/v1/catalog/tlds/{tld}", get("/api/v1/catalog/tlds/dk", admin));
            assertMatches(doc, "GET", "/api/v1/catalog/tlds/{tld}", get("/api/v1/catalog/tlds/nowhere", admin));
            assertMatches(doc, "POST", "/api/v1/catalog/tlds/{tld}/disable", send("POST", "/api/v1/catalog/tlds/se/disable", admin, ""));
            assertMatches(doc, "POST", "/api/v1/catalog/tlds/{tld}/enable", send("POST", "/api/v1/catalog/tlds/se/enable", admin, ""));
            assertMatches(doc, "POST", "/api/v1/catalog/tlds/{tld}/enable", send("POST", "/api/v1/catalog/tlds/nowhere/enable", admin, ""));
            String price = "/api/v1/catalog/tlds/{tld}/prices/{operation}/{currency}";
            assertMatches(doc, "PUT", price, send("PUT", "/api/v1/catalog/tlds/se/prices/renew/EUR", admin, "{\"amount\": \"10.00\"}"));
            assertMatches(doc, "PUT", price, send("PUT", "/api/v1/catalog/tlds/se/prices/renew/EUR", admin, "{\"amount\": \"-1\"}"));
            assertMatches(doc, "PUT", price, send("PUT", "/api/v1/catalog/tlds/se/prices/lease/EUR", admin, "{\"amount\": \"1\"}"));
            assertMatches(doc, "PUT", price, send("PUT", "/api/v1/catalog/tlds/nowhere/prices/renew/EUR", admin, "{\"amount\": \"1\"}"));
            assertMatches(doc, "DELETE", price, send("DELETE", "/api/v1/catalog/tlds/se/prices/renew/EUR", admin, null));
            assertMatches(doc, "DELETE", price, send("DELETE", "/api/v1/catalog/tlds/se/prices/renew/EUR", admin, null));

            String group = "{\"names\": {\"en\": \"Nordic\", \"da\": \"Norden\"}, \"position\": 5, \"tlds\": [\"dk\", \"se\"]}";
            assertMatches(doc, "PUT", "/api/v1/catalog/groups/{id}", send("PUT", "/api/v1/catalog/groups/nordic", admin, group));
            assertMatches(doc, "PUT", "/api/v1/catalog/groups/{id}", send("PUT", "/api/v1/catalog/groups/nordic", admin, group));
            assertMatches(doc, "PUT", "/api/v1/catalog/groups/{id}", send("PUT", "/api/v1/catalog/groups/nordic", admin, "{\"tlds\": 1}"));
            assertMatches(doc, "GET", "/api/v1/catalog/groups", get("/api/v1/catalog/groups", admin));

            HttpResponse<String> catalog = get("/api/v1/catalog?currency=EUR&lang=da", null);
            assertMatches(doc, "GET", "/api/v1/catalog", catalog);
            JsonNode view = json.readTree(catalog.body());
            assertThat(view.findValues("nextPhase")).as("a TLD with a phase to come").isNotEmpty();
            assertThat(view.findValues("notOrderableReason")).as("a TLD that cannot be ordered").isNotEmpty();
            assertThat(view.get("groups")).as("the groups").isNotEmpty();
            assertMatches(doc, "GET", "/api/v1/catalog", get("/api/v1/catalog?currency=DKK", null));
            assertMatches(doc, "GET", "/api/v1/catalog", http.send(HttpRequest.newBuilder(uri("/api/v1/catalog?currency=EUR&lang=da"))
                    .header("If-None-Match", catalog.headers().firstValue("ETag").orElseThrow()).build(), HttpResponse.BodyHandlers.ofString()));
            HttpResponse<String> unknownCurrency = get("/api/v1/catalog?currency=EURO", null);
            assertMatches(doc, "GET", "/api/v1/catalog", unknownCurrency);
            assertThat(json.readTree(unknownCurrency.body()).at("/errors/currency").isTextual()).isTrue();

            String check = "/api/v1/catalog/check";
            HttpResponse<String> allowed = send("POST", check, null, "{\"name\": \"example.dk\"}");
            assertMatches(doc, "POST", check, allowed);
            HttpResponse<String> refused = send("POST", check, null, """
                    {"name": "exämple.se", "operation": "renew", "years": 2, "holderType": "COMPANY",
                     "contact": {"countryCode": "DK"}, "signedMark": false}""");
            assertMatches(doc, "POST", check, refused);
            assertThat(json.readTree(refused.body()).get("violations")).as("the rules it breaks").isNotEmpty();
            assertMatches(doc, "POST", check, send("POST", check, null, "{\"name\": \"a.se\", \"operation\": \"restore\"}"));
            assertMatches(doc, "POST", check, send("POST", check, null, "{\"name\": \"-\", \"years\": 0, \"holderType\": \"ROBOT\"}"));
            assertMatches(doc, "POST", check, send("POST", check, null, "[]"));
        } finally {
            assertMatches(doc, "DELETE", "/api/v1/catalog/groups/{id}", send("DELETE", "/api/v1/catalog/groups/nordic", admin, null));
            assertMatches(doc, "DELETE", "/api/v1/catalog/groups/{id}", send("DELETE", "/api/v1/catalog/groups/nordic", admin, null));
            assertMatches(doc, "DELETE", "/api/v1/catalog/tlds/{tld}", send("DELETE", "/api/v1/catalog/tlds/se", admin, null));
            assertMatches(doc, "DELETE", "/api/v1/catalog/tlds/{tld}", send("DELETE", "/api/v1/catalog/tlds/se", admin, null));
        }
    }

    @Test
    void searchAnswersMatchTheirSchemas() throws Exception {
        JsonNode doc = json.readTree(get(OpenApiDocument.PATH, null).body());

        HttpResponse<String> search = get("/api/v1/search?q=" + java.net.URLEncoder.encode("æblegrød", java.nio.charset.StandardCharsets.UTF_8)
                + "&currency=DKK&lang=da&group=europe", null);
        assertMatches(doc, "GET", "/api/v1/search", search);
        assertThat(json.readTree(search.body()).get("results")).as("the demo catalog's TLDs").isNotEmpty();
        assertMatches(doc, "GET", "/api/v1/search", get("/api/v1/search?q=example.dk", null));
        assertMatches(doc, "GET", "/api/v1/search", get("/api/v1/search?q=-bad", null));
        assertMatches(doc, "GET", "/api/v1/search", get("/api/v1/search", null));
        assertMatches(doc, "GET", "/api/v1/search", get("/api/v1/search?q=example&currency=EURO", null));
        assertMatches(doc, "GET", "/api/v1/search", get("/api/v1/search?q=example&group=nowhere", null));
        assertMatches(doc, "GET", "/api/v1/search/stream", get("/api/v1/search/stream?q=-bad", null));

        HttpResponse<String> stream = get("/api/v1/search/stream?q=example&currency=EUR", null);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        JsonNode line = doc.at("/paths/~1api~1v1~1search~1stream/get/responses/200/content/application~1x-ndjson/schema");
        List<String> lines = stream.body().lines().toList();
        assertThat(lines).isNotEmpty();
        for (String text : lines) {
            assertThat(violations(doc, line, json.readTree(text))).as(text).isEmpty();
        }
        assertThat(json.readTree(lines.get(lines.size() - 1))).isEqualTo(json.readTree("{\"done\":true}"));
    }

    @Test
    void theInsufficientFundsProblemMatchesItsSchema() throws Exception {
        JsonNode doc = json.readTree(get(OpenApiDocument.PATH, null).body());
        Problem refusal = Problem.of(402, "insufficient-funds", "Insufficient funds", "Nothing was charged.")
                .withMissing(Money.of("250.00", "CZK")).withInstance("/api/v1/p/prepaid-account/account/upcoming/a.cz/renew");

        assertThat(violations(doc, doc.at("/components/responses/InsufficientFunds/content/application~1problem+json/schema"),
                json.valueToTree(refusal))).isEmpty();
        assertThat(violations(doc, doc.at("/components/responses/InsufficientFunds/content/application~1problem+json/schema"),
                doc.at("/components/responses/InsufficientFunds/content/application~1problem+json/example")))
                .as("the documented example").isEmpty();
    }

    // ---- helpers ----

    /** The answer's status is documented for the operation, and its body matches the documented schema. */
    private void assertMatches(JsonNode doc, String method, String path, HttpResponse<String> response) throws Exception {
        String where = method + " " + path + " → " + response.statusCode();
        JsonNode answer = doc.path("paths").path(path).path(method.toLowerCase()).path("responses").path(String.valueOf(response.statusCode()));
        assertThat(answer.isMissingNode()).as(where + " is a documented answer; body: " + response.body()).isFalse();
        if (answer.has("$ref")) {
            answer = doc.at(answer.get("$ref").asText().substring(1));
        }
        if (response.body().isEmpty()) {
            assertThat(answer.has("content")).as(where + " documents no body").isFalse();
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode schema = answer.path("content").path(type).path("schema");
        assertThat(schema.isMissingNode()).as(where + " documents content of type " + type).isFalse();
        assertThat(violations(doc, schema, json.readTree(response.body()))).as(where + ": " + response.body()).isEmpty();
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
            object.elements().forEachRemaining(OpenApiDocumentTest::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(OpenApiDocumentTest::strict);
        }
        return node;
    }

    private static Set<String> operations(JsonNode doc) {
        Set<String> operations = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.port() + path);
    }
}
