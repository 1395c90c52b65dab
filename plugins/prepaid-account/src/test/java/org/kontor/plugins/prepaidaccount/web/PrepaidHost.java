package org.kontor.plugins.prepaidaccount.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.config.KontorConfig;

/**
 * A whole host on a test database that loads this plugin from {@code target/classes} (development mode), with
 * helpers to call it over HTTP with an API token.
 */
final class PrepaidHost implements AutoCloseable {

    private final KontorHost host;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    private PrepaidHost(KontorHost host) {
        this.host = host;
    }

    static PrepaidHost start(Database database) throws IOException {
        Path data = Files.createTempDirectory("prepaid-host-test");
        Map<String, String> environment = Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_MODE", "development",
                "KONTOR_PLUGINS_DIR", Path.of("").toAbsolutePath().toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false");
        KontorConfig config = new ConfigLoader(environment, new Properties()).load(null, false);
        return new PrepaidHost(KontorHost.start(config, Clock.systemUTC()));
    }

    String token(String subject, Access role) {
        return host.apiTokens().issue(subject, role, "test");
    }

    HttpResponse<String> get(String token, String path) throws Exception {
        return send(request(token, path).GET().build());
    }

    HttpResponse<String> post(String token, String path, String jsonBody) throws Exception {
        return send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    HttpResponse<String> put(String token, String path, String jsonBody) throws Exception {
        return send(request(token, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    HttpResponse<String> form(String token, String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(token, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        host.close();
    }
}
