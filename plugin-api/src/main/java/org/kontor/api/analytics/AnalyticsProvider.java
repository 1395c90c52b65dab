package org.kontor.api.analytics;

import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * A web analytics service (Matomo, Google Analytics). The host places the snippet it returns in the
 * head of every page it renders for that site: the storefront, forwarding and parking pages.
 */
public interface AnalyticsProvider extends ExtensionPoint {

    /** A stable id, e.g. {@code matomo}. */
    String providerId();

    /**
     * The HTML to put in the page head, or empty when the provider is not configured for this page
     * (or the visitor declined tracking). The host trusts this markup; escape anything that came from users.
     */
    Optional<String> headSnippet(TrackedPage page);
}
