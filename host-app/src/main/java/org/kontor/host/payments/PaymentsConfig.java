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
 * @param returnUrl       where providers send the customer back after a redirect: a URL in which {@code {paymentId}}
 *                        stands for the payment's id; one that starts with {@code /} is completed with the address the
 *                        customer used. Null for none.
 */
public record PaymentsConfig(Duration grace, Duration maxBackOff, Duration janitorInterval, String returnUrl) {

    /** The payment status page, which is where providers send the customer back unless configured otherwise. */
    public static final String STATUS_PAGE = "/account/payments/{paymentId}";

    public static PaymentsConfig defaults() {
        return new PaymentsConfig(Duration.ofMinutes(15), Duration.ofHours(6), Duration.ofMinutes(1), STATUS_PAGE);
    }

    /**
     * {@code payments.janitor.grace-seconds}, {@code .max-back-off-seconds}, {@code .interval-seconds},
     * {@code payments.return-url} (by default {@code ${http.public-url}/account/payments/{paymentId}}).
     */
    public static PaymentsConfig from(KontorConfig config) {
        PaymentsConfig defaults = defaults();
        return new PaymentsConfig(seconds(config, "payments.janitor.grace-seconds", defaults.grace()),
                seconds(config, "payments.janitor.max-back-off-seconds", defaults.maxBackOff()),
                seconds(config, "payments.janitor.interval-seconds", defaults.janitorInterval()),
                config.get("payments.return-url").filter(url -> !url.isBlank()).map(String::strip).orElse(null));
    }

    /** The wait before question number {@code attempts + 1}: the grace, doubled per earlier question, capped. */
    public Duration backOff(int attempts) {
        Duration wait = grace.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
    }

    /**
     * Where the provider sends the customer back from a payment's hosted page.
     *
     * @param origin the scheme and host the customer used ({@code https://shop.example}), or null when not known
     * @return the address, or null when there is none (no setting, or a path without a known origin)
     */
    public URI returnUrl(String paymentId, String origin) {
        if (returnUrl == null) {
            return null;
        }
        String url = returnUrl.replace("{paymentId}", PaymentIds.urlSegment(paymentId));
        if (url.startsWith("/")) {
            if (origin == null || origin.isBlank()) {
                return null;
            }
            url = origin.replaceAll("/+$", "") + url;
        }
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Duration seconds(KontorConfig config, String key, Duration fallback) {
        return config.get(key).filter(value -> !value.isBlank()).map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(fallback);
    }
}
