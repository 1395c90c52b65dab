package org.kontor.plugins.googleanalytics;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kontor.api.settings.Settings;

/**
 * The plugin's settings, read at the moment of use.
 *
 * @param measurementId the GA4 data stream's measurement id, {@code G-…}; empty when not configured
 * @param apiSecret     a Measurement Protocol API secret of that stream; without it no purchase is sent from the server
 * @param baseUrl       the Measurement Protocol's address, {@code https://www.google-analytics.com} (or the EU one)
 */
public record GoogleConfig(Optional<String> measurementId, Optional<String> apiSecret, URI baseUrl, Duration timeout) {

    static final Pattern MEASUREMENT_ID = Pattern.compile("G-[A-Z0-9]{4,20}");

    public static GoogleConfig of(Settings settings) {
        return new GoogleConfig(
                settings.get(GoogleSettings.MEASUREMENT_ID).map(String::strip).filter(id -> MEASUREMENT_ID.matcher(id).matches()),
                settings.get(GoogleSettings.API_SECRET).map(String::strip).filter(secret -> !secret.isEmpty()),
                URI.create(settings.get(GoogleSettings.BASE_URL).map(String::strip).filter(url -> !url.isEmpty())
                        .orElse(GoogleSettings.DEFAULT_BASE_URL).replaceAll("/+$", "")),
                Duration.ofSeconds(Math.max(1, settings.number(GoogleSettings.TIMEOUT_SECONDS, 10))));
    }

    public boolean configured() {
        return measurementId.isPresent();
    }

    /** Whether purchases can be sent through the Measurement Protocol. */
    public boolean sendsPurchases() {
        return measurementId.isPresent() && apiSecret.isPresent();
    }

    /** Without the secret, so that the settings can be logged. */
    @Override
    public String toString() {
        return "GoogleConfig[measurementId=" + measurementId.orElse("(none)") + ", apiSecret="
                + (apiSecret.isPresent() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
    }
}
