package org.kontor.api.analytics;

import java.util.Objects;

/**
 * The page being rendered.
 *
 * @param site            the host name the page is served under
 * @param path            the request path
 * @param language        the page's language tag, e.g. {@code da}
 * @param trackingAllowed whether the visitor agreed to tracking
 */
public record TrackedPage(String site, String path, String language, boolean trackingAllowed) {

    public TrackedPage {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(path, "path");
    }
}
