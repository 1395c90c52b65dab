package org.kontor.plugins.paypal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * PayPal's REST API over the JDK's HTTP client: an OAuth2 client-credentials token (fetched once, kept until it
 * expires, fetched again once when PayPal refuses it) and JSON requests with {@code PayPal-Request-Id}. It never throws
 * for what PayPal or the network do: every call ends in an {@link ApiResult}. Neither the secret nor a token is logged.
 */
public final class PayPalClient {

    private final HttpClient http;
    private final ApiConfig config;
    private final AccessTokens tokens;
    private final Logger log;
    private final ObjectMapper json = new ObjectMapper();

    public PayPalClient(HttpClient http, ApiConfig config, AccessTokens tokens, Logger log) {
        this.http = http;
        this.config = config;
        this.tokens = tokens;
        this.log = log;
    }

    public ApiConfig config() {
        return config;
    }

    public ApiResult get(String path) {
        return call("GET", path, null, null);
    }

    /** A POST of a JSON body (null for none) under the idempotency key {@code requestId} (null for none). */
    public ApiResult post(String path, String body, String requestId) {
        return call("POST", path, body, requestId);
    }

    /** Asks for a new token (the settings' connection test); the answer as PayPal gave it. */
    public ApiResult requestToken() {
        String problem = problem();
        if (problem != null) {
            return ApiResult.noAnswer(problem);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.baseUrl() + "/v1/oauth2/token"))
                .timeout(config.timeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (config.clientId() + ":" + config.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        ApiResult answer = send(request);
        if (answer.ok() && answer.body().hasNonNull("access_token")) {
            tokens.keep(credentials(), answer.body().get("access_token").asText(),
                    answer.body().path("expires_in").asLong(0));
        } else if (answer.answered()) {
            log.warn("PayPal refused a token for client {}: {}", config.clientId(), answer);
        }
        return answer;
    }

    private ApiResult call(String method, String path, String body, String requestId) {
        String problem = problem();
        if (problem != null) {
            return ApiResult.noAnswer(problem);
        }
        Optional<String> token = tokens.valid(credentials());
        if (token.isEmpty()) {
            ApiResult issued = requestToken();
            if (!issued.ok()) {
                return refused(issued);
            }
            token = tokens.valid(credentials());
            if (token.isEmpty()) {
                return ApiResult.noAnswer("PayPal issued a token that expires at once");
            }
        }
        ApiResult answer = send(request(method, path, body, requestId, token.get()));
        if (answer.status() == 401) {
            tokens.forget(token.get());
            ApiResult issued = requestToken();
            if (!issued.ok()) {
                return refused(issued);
            }
            answer = send(request(method, path, body, requestId, tokens.valid(credentials()).orElse("")));
        }
        if (answer.answered() && !answer.ok()) {
            log.info("PayPal answered {} {}: {}", method, path, answer);
        }
        return answer;
    }

    /** A token that was not issued: the credentials were refused when PayPal said so, else the call is undecided. */
    private static ApiResult refused(ApiResult tokenAnswer) {
        boolean refused = tokenAnswer.status() == 400 || tokenAnswer.status() == 401 || tokenAnswer.status() == 403;
        return new ApiResult(tokenAnswer.status(), tokenAnswer.body(), refused);
    }

    private HttpRequest request(String method, String path, String body, String requestId, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Prefer", "return=representation");
        if (requestId != null) {
            builder.header("PayPal-Request-Id", requestId);
        }
        if (method.equals("GET")) {
            return builder.GET().build();
        }
        builder.header("Content-Type", "application/json");
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private ApiResult send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResult(response.statusCode(), parse(response.body()), false);
        } catch (IOException e) { // a time-out is one too
            log.warn("PayPal did not answer {} {}: {}", request.method(), request.uri().getPath(), e.toString());
            return ApiResult.noAnswer(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiResult.noAnswer("interrupted");
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private String problem() {
        if (!config.complete()) {
            return "the PayPal client id and secret are not configured";
        }
        return config.insecure();
    }

    private String credentials() {
        return AccessTokens.credentials(config.baseUrl().toString(), config.clientId(), config.secret());
    }
}
