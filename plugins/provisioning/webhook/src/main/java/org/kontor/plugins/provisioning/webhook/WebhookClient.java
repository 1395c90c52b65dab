package org.kontor.plugins.provisioning.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * Signed requests to the endpoint. A request that gets no usable answer — a time-out, no connection, HTTP 408, 429 or
 * a 5xx — is repeated with the same body and Idempotency-Key up to {@link WebhookConfig#retries()} times, pausing
 * {@link WebhookConfig#retryDelay()} and then twice as long before each further repeat; the last answer is returned.
 */
final class WebhookClient {

    /** Waits between repeats; tests may pass one that does not sleep. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;

        static Pause sleeping() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }

    /**
     * An answer: {@code status} 0 when none came ({@code problem} says why).
     *
     * @param attempts how many requests were sent
     */
    record Answer(int status, String body, String problem, int attempts) {

        boolean answered() {
            return status > 0;
        }

        boolean worthRepeating() {
            return status == 0 || status == 408 || status == 429 || status >= 500;
        }
    }

    private final HttpClient http;
    private final WebhookConfig config;
    private final Clock clock;
    private final Pause pause;

    WebhookClient(HttpClient http, WebhookConfig config, Clock clock, Pause pause) {
        this.http = http;
        this.config = config;
        this.clock = clock;
        this.pause = pause;
    }

    Answer post(String path, String key, String json) {
        return send("POST", path, key, json);
    }

    Answer get(String path, String key) {
        return send("GET", path, key, "");
    }

    private Answer send(String method, String path, String key, String body) {
        URI uri = config.baseUrl().orElseThrow().resolve(path);
        Duration delay = config.retryDelay();
        Answer answer = null;
        for (int attempt = 1; attempt <= config.retries() + 1; attempt++) {
            if (attempt > 1) {
                try {
                    pause.pause(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Answer(0, "", "interrupted", attempt - 1);
                }
                delay = delay.multipliedBy(2);
            }
            answer = once(method, uri, key, body, attempt);
            if (!answer.worthRepeating()) {
                return answer;
            }
        }
        return answer;
    }

    private Answer once(String method, URI uri, String key, String body, int attempt) {
        long now = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .header(WebhookSignature.HEADER, WebhookSignature.header(config.secret().orElseThrow(), now, body));
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.GET();
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body(),
                    "HTTP " + response.statusCode(), attempt);
        } catch (HttpTimeoutException e) {
            return new Answer(0, "", "no answer within " + config.timeout().toMillis() + " ms", attempt);
        } catch (IOException e) {
            return new Answer(0, "", "no connection: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", "interrupted", attempt);
        }
    }
}
