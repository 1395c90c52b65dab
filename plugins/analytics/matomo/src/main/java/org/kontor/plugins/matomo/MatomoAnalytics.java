package org.kontor.plugins.matomo;

import java.util.List;
import java.util.Optional;
import org.kontor.api.PluginContext;
import org.kontor.api.analytics.AnalyticsProvider;
import org.kontor.api.analytics.TrackedPage;
import org.pf4j.Extension;

/**
 * Matomo's tracker in the page head: the plugin's own {@code matomo-tracker.js} (no inline script), which reads the
 * Matomo address, the website id and whether to set cookies from its {@code data-} attributes and then loads
 * {@code matomo.js} from the Matomo installation. Given only when the visitor consented, or in cookieless mode
 * (see {@link MatomoConfig#mayTrack}).
 */
@Extension
public class MatomoAnalytics implements AnalyticsProvider {

    /** Where the host serves the plugin's tracker script ({@code static/analytics-matomo/matomo-tracker.js}). */
    public static final String SCRIPT = "/assets/p/analytics-matomo/matomo-tracker.js";

    private final PluginContext context;

    public MatomoAnalytics(PluginContext context) {
        this.context = context;
    }

    @Override
    public String providerId() {
        return "matomo";
    }

    @Override
    public Optional<String> headSnippet(TrackedPage page) {
        MatomoConfig config = MatomoConfig.of(context.settings());
        if (!config.mayTrack(page.trackingAllowed())) {
            return Optional.empty();
        }
        return Optional.of("<script src=\"" + SCRIPT + "\" id=\"matomo-tracker\" data-matomo-url=\""
                + Html.attribute(config.trackerBase().orElseThrow()) + "\" data-site-id=\"" + config.siteId().orElseThrow()
                + "\" data-cookieless=\"" + config.cookieless() + "\" defer></script>");
    }

    @Override
    public List<String> sources() {
        MatomoConfig config = MatomoConfig.of(context.settings());
        return config.configured() ? List.of(config.origin().orElseThrow()) : List.of();
    }
}
