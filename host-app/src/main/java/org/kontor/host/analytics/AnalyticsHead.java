package org.kontor.host.analytics;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.analytics.TrackedPage;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.themes.ThemeRenderer;

/**
 * Puts {@value #MODEL_VARIABLE} into every template's model: {@code head}, the running analytics providers' snippets
 * for this page (trusted plugin markup, rendered with {@code ?no_esc} in the layout's head), {@code banner}, whether
 * to ask for consent (a provider is configured and the visitor has not chosen), and {@code consent}, the choice
 * ({@code analytics}, {@code none} or empty).
 *
 * <p>The snippets depend on the consent cookie, so the storefront's page cache keeps pages per consent state
 * ({@link org.kontor.host.storefront.PageCache.Key#consent()}): one visitor's choice never reaches another's page.
 */
public final class AnalyticsHead implements ThemeRenderer.ModelContributor {

    public static final String MODEL_VARIABLE = "analytics";

    private final AnalyticsProviders providers;
    private final LocaleResolver locales;

    public AnalyticsHead(AnalyticsProviders providers, LocaleResolver locales) {
        this.providers = providers;
        this.locales = locales;
    }

    @Override
    public void contribute(Context ctx, Map<String, Object> model) {
        Consent consent = Consent.of(ctx);
        TrackedPage page = new TrackedPage(site(ctx), ctx.path(), locales.language(ctx).code(), consent.trackingAllowed());
        model.put(MODEL_VARIABLE, Map.of(
                "head", providers.headSnippets(page),
                "banner", consent == Consent.UNDECIDED && providers.anyConfigured(),
                "consent", consent.value()));
    }

    /** The host name the page is served under, without a port. */
    static String site(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        String name = host.strip();
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 ? name.substring(0, end + 1) : name;
        }
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(0, colon) : name).toLowerCase(Locale.ROOT);
    }
}
