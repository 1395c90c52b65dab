package org.kontor.api.analytics;

import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * A web analytics service (Matomo, Google Analytics). The host places the snippet it returns in the
 * head of every page it renders for that site: the storefront, forwarding and parking pages.
 *
 * <p>The host sends a strict content security policy: no inline script. A snippet is therefore a
 * {@code <script src="...">} of a file the plugin serves itself (under {@code static/<plugin-id>/}, reached as
 * {@code /assets/p/<plugin-id>/...}), configured through {@code data-} attributes, and the remote addresses the
 * page loads from or sends to are named by {@link #sources()}.
 *
 * <p>Server-side events (an e-commerce order) are sent by the plugin's {@code EventListener}s, e.g. on
 * {@link org.kontor.api.event.OrderCheckedOut}.
 */
public interface AnalyticsProvider extends ExtensionPoint {

    /** A stable id, e.g. {@code matomo}. */
    String providerId();

    /**
     * The HTML to put in the page head, or empty when the provider is not configured for this page
     * (or the visitor declined tracking). The host trusts this markup; escape anything that came from users.
     */
    Optional<String> headSnippet(TrackedPage page);

    /**
     * The origins the page must be allowed to load scripts from, send requests to and load images from while this
     * provider is running, e.g. {@code https://matomo.example.org} or {@code https://*.google-analytics.com}: the
     * host adds them to the {@code script-src}, {@code connect-src} and {@code img-src} directives of its content
     * security policy. Each is a scheme ({@code http} or {@code https}), a host that may start with {@code *.}, and
     * an optional port; the host ignores anything else. Empty (the default) when the provider is not configured.
     *
     * @since 1.6.0
     */
    default List<String> sources() {
        return List.of();
    }
}
