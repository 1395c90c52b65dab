package org.kontor.host.billing.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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

    @Override
    public void close() {
        host.close();
    }
}
