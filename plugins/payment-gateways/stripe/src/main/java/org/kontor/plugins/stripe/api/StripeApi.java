package org.kontor.plugins.stripe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.plugins.stripe.StripeConfig;

/**
 * Stripe's REST API over the JDK's HTTP client: form-encoded requests, {@code Authorization: Bearer} with the secret
 * key, the pinned {@code Stripe-Version}, and the host's {@code Idempotency-Key} on every POST. A refusal comes back
 * as a {@link StripeAnswer}; everything that leaves the outcome open throws {@link StripeUnavailableException}. The key
 * is never logged nor put into a message.
 */
public final class StripeApi {

    /** The API version the requests and the recorded answers are written against. */
    public static final String VERSION = "2024-06-20";

    private final HttpClient http;
    private final StripeConfig config;
    private final ObjectMapper json;

    public StripeApi(HttpClient http, StripeConfig config, ObjectMapper json) {
        this.http = http;
        this.config = config;
        this.json = json;
    }

    /** POSTs a form under the key; Stripe answers the first result again when the same key comes back. */
    public StripeAnswer post(String path, String form, IdempotencyKey key) throws StripeUnavailableException {
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", key.value())
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(), "POST " + path);
    }

    public StripeAnswer get(String path, Form query) throws StripeUnavailableException {
        return send(request(path, query).GET().build(), "GET " + path);
    }

    private HttpRequest.Builder request(String path, Form query) throws StripeUnavailableException {
        String key = config.secretKey().orElseThrow(() -> new StripeUnavailableException("no secret key is configured"));
        String target = config.baseUrl() + path + (query == null || query.isEmpty() ? "" : "?" + query.encodeQuery());
        return HttpRequest.newBuilder(URI.create(target)).timeout(config.timeout())
                .header("Authorization", "Bearer " + key)
                .header("Stripe-Version", VERSION)
                .header("Accept", "application/json");
    }

    private StripeAnswer send(HttpRequest request, String what) throws StripeUnavailableException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StripeUnavailableException(what + " got no answer: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StripeUnavailableException(what + " was interrupted", e);
        }
        int status = response.statusCode();
        // 409: the same Idempotency-Key is still being processed; 429: rate limited, nothing was done yet
        if (status >= 500 || status == 409 || status == 429) {
            throw new StripeUnavailableException(what + " answered HTTP " + status);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            if (status / 100 == 2) {
                throw new StripeUnavailableException(what + " answered HTTP " + status + " without a JSON object");
            }
            body = json.createObjectNode();
        }
        return new StripeAnswer(status, body);
    }
}
