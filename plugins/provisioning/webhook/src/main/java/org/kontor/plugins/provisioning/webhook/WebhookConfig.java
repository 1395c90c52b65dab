package org.kontor.plugins.provisioning.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.kontor.api.settings.Settings;

/**
 * The plugin's settings, read at the moment of use (the operator may change them at any time).
 *
 * @param baseUrl    the endpoint's base address ending in a slash, empty when not configured
 * @param secret     the signing secret, empty when not configured
 * @param retries    how often a request that got no answer (time-out, 408, 429, 5xx) is repeated within one call
 * @param retryDelay the pause before the first repeat, doubled before each further one
 */
public record WebhookConfig(Optional<URI> baseUrl, Optional<String> secret, Duration timeout, int retries,
                            Duration retryDelay) {

    public static WebhookConfig of(Settings settings) {
        Optional<URI> base = text(settings, WebhookSettings.BASE_URL).map(value -> URI.create(value.endsWith("/")
                ? value : value + "/"));
        return new WebhookConfig(base, text(settings, WebhookSettings.SIGNING_SECRET),
                Duration.ofMillis(Math.max(1, settings.number(WebhookSettings.TIMEOUT_MS, 10_000))),
                (int) Math.max(0, Math.min(10, settings.number(WebhookSettings.RETRIES, 2))),
                Duration.ofMillis(Math.max(0, settings.number(WebhookSettings.RETRY_DELAY_MS, 500))));
    }

    public boolean configured() {
        return baseUrl.isPresent() && secret.isPresent();
    }

    /** Without the secret, so that the settings can be logged. */
    @Override
    public String toString() {
        return "WebhookConfig[baseUrl=" + baseUrl.map(URI::toString).orElse("(none)") + ", secret="
                + (secret.isPresent() ? "(set)" : "(none)") + ", timeout=" + timeout + ", retries=" + retries
                + ", retryDelay=" + retryDelay + "]";
    }

    private static Optional<String> text(Settings settings, String key) {
        return settings.get(key).map(String::strip).filter(value -> !value.isEmpty());
    }
}
