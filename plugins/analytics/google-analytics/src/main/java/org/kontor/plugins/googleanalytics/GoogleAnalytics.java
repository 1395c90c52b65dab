package org.kontor.plugins.googleanalytics;

import java.util.List;
import java.util.Optional;
import org.kontor.api.PluginContext;
import org.kontor.api.analytics.AnalyticsProvider;
import org.kontor.api.analytics.TrackedPage;
import org.pf4j.Extension;

/**
 * GA4 in the page head, only for a visitor who consented: the plugin's own {@code ga4-consent.js} (no inline
 * script) sets Consent Mode's defaults to denied, grants {@code analytics_storage} only when its
 * {@code data-consent} attribute says so, then loads {@code gtag.js} from Google Tag Manager. Advertising storage stays
 * denied.
 */
@Extension
public class GoogleAnalytics implements AnalyticsProvider {

    /** Where the host serves the plugin's script ({@code static/analytics-google/ga4-consent.js}). */
    public static final String SCRIPT = "/assets/p/analytics-google/ga4-consent.js";
    /** What gtag.js loads from and sends to. */
    public static final List<String> SOURCES = List.of("https://www.googletagmanager.com",
            "https://*.google-analytics.com", "https://*.analytics.google.com");

    private final PluginContext context;

    public GoogleAnalytics(PluginContext context) {
        this.context = context;
    }

    @Override
    public String providerId() {
        return "google-analytics";
    }

    @Override
    public Optional<String> headSnippet(TrackedPage page) {
        GoogleConfig config = GoogleConfig.of(context.settings());
        if (!config.configured() || !page.trackingAllowed()) {
            return Optional.empty();
        }
        // The measurement id matched G-[A-Z0-9]+: nothing in it needs escaping.
        return Optional.of("<script src=\"" + SCRIPT + "\" id=\"ga4-consent\" data-measurement-id=\""
                + config.measurementId().orElseThrow() + "\" data-consent=\"granted\" defer></script>");
    }

    @Override
    public List<String> sources() {
        return GoogleConfig.of(context.settings()).configured() ? SOURCES : List.of();
    }
}
