package org.kontor.host.payments;

import java.net.URI;
import java.time.Duration;
import org.kontor.host.config.KontorConfig;

/**
 * The payment settings.
 *
 * @param grace           how long an open payment waits before the janitor first asks its gateway (longer than a
 *                        customer usually needs on the provider's page)
 * @param maxBackOff      the longest wait between two questions about one payment
 * @param janitorInterval how often the janitor runs
 * @param returnUrl       where providers send the customer back after a redirect, or null
 */
public record PaymentsConfig(Duration grace, Duration maxBackOff, Duration janitorInterval, URI returnUrl) {

    public static PaymentsConfig defaults() {
        return new PaymentsConfig(Duration.ofMinutes(15), Duration.ofHours(6), Duration.ofMinutes(1), null);
    }

    /** {@code payments.janitor.grace-seconds}, {@code .max-back-off-seconds}, {@code .interval-seconds}, {@code payments.return-url}. */
    public static PaymentsConfig from(KontorConfig config) {
        PaymentsConfig defaults = defaults();
        return new PaymentsConfig(seconds(config, "payments.janitor.grace-seconds", defaults.grace()),
                seconds(config, "payments.janitor.max-back-off-seconds", defaults.maxBackOff()),
                seconds(config, "payments.janitor.interval-seconds", defaults.janitorInterval()),
                config.get("payments.return-url").filter(url -> !url.isBlank()).map(URI::create).orElse(null));
    }

    /** The wait before question number {@code attempts + 1}: the grace, doubled per earlier question, capped. */
    public Duration backOff(int attempts) {
        Duration wait = grace.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
    }

    private static Duration seconds(KontorConfig config, String key, Duration fallback) {
        return config.get(key).filter(value -> !value.isBlank()).map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(fallback);
    }
}
