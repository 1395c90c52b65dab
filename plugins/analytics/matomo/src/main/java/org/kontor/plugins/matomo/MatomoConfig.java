package org.kontor.plugins.matomo;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.kontor.api.settings.Settings;

/**
 * The plugin's settings, read at the moment of use (the operator may change them at any time).
 *
 * @param baseUrl    the Matomo installation, without a trailing slash, e.g. {@code https://stats.example.org}; empty
 *                   when not configured
 * @param siteId     the website's id in Matomo; empty when not configured
 * @param cookieless whether the tracker runs without cookies ({@code disableCookies})
 * @param authToken  a token_auth for the HTTP Tracking API, if given
 */
public record MatomoConfig(Optional<URI> baseUrl, Optional<Integer> siteId, boolean cookieless,
                           Optional<String> authToken, Duration timeout) {

    public static MatomoConfig of(Settings settings) {
        return new MatomoConfig(
                settings.get(MatomoSettings.BASE_URL).map(String::strip).filter(url -> !url.isEmpty())
                        .map(url -> URI.create(url.replaceAll("/+$", ""))),
                settings.get(MatomoSettings.SITE_ID).map(String::strip).filter(id -> id.matches("[1-9][0-9]{0,8}"))
                        .map(Integer::valueOf),
                settings.flag(MatomoSettings.COOKIELESS),
                settings.get(MatomoSettings.AUTH_TOKEN).map(String::strip).filter(token -> !token.isEmpty()),
                Duration.ofSeconds(Math.max(1, settings.number(MatomoSettings.TIMEOUT_SECONDS, 10))));
    }

    /** Whether there is a Matomo to track to. */
    public boolean configured() {
        return baseUrl.isPresent() && siteId.isPresent();
    }

    /**
     * Whether this visitor may be tracked. Without cookies, the tracker stores nothing on the visitor's device and
     * Matomo keeps no identifier across days (its daily changing config id), which data protection authorities (CNIL's
     * exemption for audience measurement, for instance) accept without consent; with cookies, only after consent.
     */
    public boolean mayTrack(boolean consented) {
        return configured() && (consented || cookieless);
    }

    /** The origin of the Matomo installation, e.g. {@code https://stats.example.org}. */
    public Optional<String> origin() {
        return baseUrl.map(url -> url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : ""));
    }

    /** The installation's address with a trailing slash, as the tracker wants it. */
    public Optional<String> trackerBase() {
        return baseUrl.map(url -> url + "/");
    }

    /** Without the token, so that the settings can be logged. */
    @Override
    public String toString() {
        return "MatomoConfig[baseUrl=" + baseUrl.map(URI::toString).orElse("(none)") + ", siteId="
                + siteId.map(String::valueOf).orElse("(none)") + ", cookieless=" + cookieless + ", authToken="
                + (authToken.isPresent() ? "(set)" : "(none)") + ", timeout=" + timeout + "]";
    }
}
