package org.kontor.plugins.powerdns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/**
 * The few calls of the PowerDNS Authoritative HTTP API the plugin makes, each with the {@code X-API-Key} header and
 * the configured time limit. The key is never logged.
 */
public final class PowerDnsApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final PowerDnsConfig config;
    private final Logger log;

    public PowerDnsApi(HttpClient http, PowerDnsConfig config, Logger log) {
        this.http = http;
        this.config = config;
        this.log = log;
    }

    public Answer get(String path) throws UnreachableException {
        return send("GET", path, null);
    }

    public Answer post(String path, JsonNode body) throws UnreachableException {
        return send("POST", path, body);
    }

    public Answer patch(String path, JsonNode body) throws UnreachableException {
        return send("PATCH", path, body);
    }

    public Answer delete(String path) throws UnreachableException {
        return send("DELETE", path, null);
    }

    private Answer send(String method, String path, JsonNode body) throws UnreachableException {
        URI uri = URI.create(config.apiUrl() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("X-API-Key", config.apiKey())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) { // includes HttpTimeoutException and refused connections
            log.warn("PowerDNS did not answer {} {}: {}", method, uri, e.toString());
            throw new UnreachableException(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while waiting for PowerDNS", e);
        }
        log.debug("PowerDNS {} {}: HTTP {}", method, uri, response.statusCode());
        return new Answer(response.statusCode(), parse(response.body()), response.body() == null ? "" : response.body());
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** An HTTP answer: its status, its JSON body (empty when it had none) and the body as text. */
    public record Answer(int status, JsonNode body, String text) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** PowerDNS's {@code error} member, else the body's text ({@code Unauthorized}), else the status. */
        public String errorMessage() {
            String error = body.path("error").asText("");
            if (!error.isBlank()) {
                return error;
            }
            String plain = text.strip();
            return plain.isEmpty() ? "HTTP " + status : plain.length() > 500 ? plain.substring(0, 500) : plain;
        }
    }

    /** No answer: refused connection, time-out, broken connection. Whether the call took effect is unknown. */
    public static final class UnreachableException extends Exception {

        public UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
