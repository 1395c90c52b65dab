package org.kontor.host.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.SignUp;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.TestClock;

/**
 * The whole host on a test database with the test gateway plugin deployed, jobs off (tests run the janitor), and a
 * client for its API and its webhook URL.
 */
final class PaymentsHost implements AutoCloseable {

    static final String GATEWAY = "test-gateway";
    /** The test gateway's default webhook secret. */
    static final String SECRET = "test-gateway-webhook-secret";

    final KontorHost host;
    final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private PaymentsHost(KontorHost host) {
        this.host = host;
    }

    static PaymentsHost start(Database database, TestClock clock) throws Exception {
        return start(database, clock, GATEWAY);
    }

    static PaymentsHost start(Database database, TestClock clock, String... plugins) throws Exception {
        return start(database, clock, Map.of(), plugins);
    }

    /** @param overrides more settings as environment variables ({@code KONTOR_THEME_ACTIVE}) */
    static PaymentsHost start(Database database, TestClock clock, Map<String, String> overrides, String... plugins)
            throws Exception {
        Path data = Files.createTempDirectory("kontor-payments-test");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", TestPlugins.deploy(data.resolve("plugins"), plugins).toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        environment.putAll(overrides);
        return new PaymentsHost(KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), clock));
    }

    String adminToken() {
        return host.apiTokens().issue("operator-1", Access.ADMIN, "test");
    }

    /** A new customer with a unique id (the methods of a test class may share a database). */
    Customer customer(String name) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return host.customers().create(id, new SignUp(id + "@example.com", "correct horse battery", "Test Person", null,
                "DK", "en", "DKK"), Access.CUSTOMER);
    }

    Customer reseller(String name) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return host.customers().create(id, new SignUp(id + "@example.com", "correct horse battery", "Test Person",
                "Reseller ApS", "DK", "en", "DKK"), Access.RESELLER);
    }

    String resellerToken(Customer reseller) {
        return host.apiTokens().issue(reseller.id(), Access.RESELLER, "test");
    }

    String tokenOf(Customer customer) {
        return host.apiTokens().issue(customer.id(), Access.CUSTOMER, "test");
    }

    /** An issued invoice of one line without VAT, so its total is {@code amount}; its id. */
    String issuedInvoice(Customer customer, String amount) throws Exception {
        String admin = adminToken();
        HttpResponse<String> created = send("POST", "/api/v1/admin/invoices", admin, Map.of("customerId", customer.id(),
                "lines", List.of(Map.of("description", "Hosting", "quantity", "1", "unitPrice", amount, "vatRate", "0"))),
                null);
        if (created.statusCode() != 201) {
            throw new AssertionError(created.body());
        }
        String id = read(created).get("id").asText();
        HttpResponse<String> issued = send("POST", "/api/v1/admin/invoices/" + id + "/issue", admin, null, null);
        if (issued.statusCode() != 200) {
            throw new AssertionError(issued.body());
        }
        return id;
    }

    HttpResponse<String> pay(String token, String purpose, String targetId, String key) throws Exception {
        return send("POST", "/api/v1/payments", token, Map.of("purpose", purpose, "targetId", targetId,
                "gateway", GATEWAY), key);
    }

    HttpResponse<String> send(String method, String path, String token, Object body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a notification to the gateway's webhook URL, signed with {@code secret} over {@code signedBody}. */
    HttpResponse<String> webhook(String body, String signedBody, String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/hooks/" + GATEWAY
                        + "/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Test-Signature", "sha256=" + hmac(secret, signedBody))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> webhook(String body) throws Exception {
        return webhook(body, body, SECRET);
    }

    static String notification(String event, String reference, String status, String amount) {
        return "event=" + event + "&reference=" + reference + "&status=" + status + "&amount=" + amount
                + "&currency=DKK";
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    JsonNode read(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    JsonNode invoice(String id) throws Exception {
        return read(send("GET", "/api/v1/admin/invoices/" + id, adminToken(), null, null));
    }

    long count(String sql, Object... binds) {
        return host.database().jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < binds.length; i++) {
                query.bind(i, binds[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    /**
     * The violations of the answer against what the served API description documents for it (strictly: objects carry
     * only documented properties); empty when it matches.
     */
    Set<String> undocumented(String method, String path, HttpResponse<String> response) throws Exception {
        JsonNode doc = json.readTree(send("GET", "/api/openapi.json", null, null, null).body());
        JsonNode answer = doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses")
                .path(String.valueOf(response.statusCode()));
        if (answer.isMissingNode()) {
            return Set.of(method + " " + path + " does not document " + response.statusCode());
        }
        if (answer.has("$ref")) {
            answer = doc.at(answer.get("$ref").asText().substring(1));
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode schema = answer.path("content").path(type).path("schema");
        if (schema.isMissingNode()) {
            return Set.of(method + " " + path + " documents no " + type + " for " + response.statusCode());
        }
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", strict(doc.get("components").deepCopy()));
        root.set("allOf", json.createArrayNode().add(strict(schema.deepCopy())));
        Set<ValidationMessage> violations = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root).validate(json.readTree(response.body()));
        return violations.stream().map(ValidationMessage::getMessage).collect(java.util.stream.Collectors.toSet());
    }

    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(PaymentsHost::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(PaymentsHost::strict);
        }
        return node;
    }

    @Override
    public void close() {
        host.close();
    }
}
