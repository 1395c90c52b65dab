package org.kontor.host.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kontor.api.analytics.AnalyticsProvider;
import org.kontor.api.analytics.TrackedPage;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running analytics providers, asked each time (a plugin's settings may change at any moment). A provider that
 * fails is logged against its plugin and left out: analytics never breaks a page.
 */
public final class AnalyticsProviders {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsProviders.class);

    private final Extensions extensions;

    public AnalyticsProviders(Extensions extensions) {
        this.extensions = extensions;
    }

    /** Every running provider's snippet for the page, one per line, in the order the plugins were started. */
    public String headSnippets(TrackedPage page) {
        List<String> snippets = new ArrayList<>();
        for (Contribution<AnalyticsProvider> provider : extensions.of(AnalyticsProvider.class)) {
            try {
                Optional<String> snippet = provider.extension().headSnippet(page);
                snippet.filter(html -> !html.isBlank()).ifPresent(snippets::add);
            } catch (RuntimeException e) {
                LOG.warn("The analytics provider of plugin '{}' failed to give its snippet", provider.pluginId(), e);
            }
        }
        return String.join("\n", snippets);
    }

    /** The origins the running providers load from and send to (see {@link AnalyticsProvider#sources()}). */
    public List<String> sources() {
        List<String> sources = new ArrayList<>();
        for (Contribution<AnalyticsProvider> provider : extensions.of(AnalyticsProvider.class)) {
            try {
                sources.addAll(provider.extension().sources());
            } catch (RuntimeException e) {
                LOG.warn("The analytics provider of plugin '{}' failed to name its sources", provider.pluginId(), e);
            }
        }
        return sources;
    }

    /** Whether a running provider is configured to track (it names a source): the consent banner is shown then. */
    public boolean anyConfigured() {
        return !sources().isEmpty();
    }
}
