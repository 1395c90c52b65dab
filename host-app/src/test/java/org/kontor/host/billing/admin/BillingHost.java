package org.kontor.host.billing.admin;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.SignUp;
import org.kontor.testkit.TestClock;

/**
 * The whole host on a test database, with no plugins and no jobs, the Danish demo seller, and a client that calls
 * its API with a bearer token.
 */
final class BillingHost implements AutoCloseable {

    final KontorHost host;
    final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private BillingHost(KontorHost host) {
        this.host = host;
    }

    static BillingHost start(Database database, TestClock clock) throws Exception {
        Path data = Files.createTempDirectory("kontor-billing-test");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", Files.createDirectories(data.resolve("plugins")).toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        return new BillingHost(KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), clock));
    }

    String adminToken() {
        return host.apiTokens().issue("operator-1", Access.ADMIN, "test");
    }

    Customer customer(String id, String email, String company, String country, String currency) {
        return host.customers().create(id, new SignUp(email, "correct horse battery", "Test Person", company, country,
                "en", currency), Access.CUSTOMER);
    }

    String tokenOf(Customer customer) {
        return host.apiTokens().issue(customer.id(), Access.CUSTOMER, "test");
    }

    HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        return send(method, path, token, body, "application/json");
    }

    HttpResponse<String> send(String method, String path, String token, Object body, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode read(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    /**
     * The violations of the answer against what the served API description documents for it (strictly: objects carry
     * only documented properties); empty when it matches.
     */
    Set<String> undocumented(String method, String path, HttpResponse<String> response) throws Exception {
        JsonNode doc = json.readTree(send("GET", "/api/openapi.json", null, null).body());
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
            object.elements().forEachRemaining(BillingHost::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(BillingHost::strict);
        }
        return node;
    }

    @Override
    public void close() {
        host.close();
    }
}
