package org.kontor.plugins.paypal.api;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and as whom the plugin calls PayPal.
 *
 * @param baseUrl  {@code https://api-m.paypal.com}, {@code https://api-m.sandbox.paypal.com}, or a local stand-in
 * @param timeout  how long one request may take
 */
public record ApiConfig(URI baseUrl, String clientId, String secret, Duration timeout) {

    public ApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** Whether a client id and secret are there to call with. */
    public boolean complete() {
        return clientId != null && !clientId.isBlank() && secret != null && !secret.isBlank();
    }

    /**
     * Why the credentials must not be sent to the base URL, or null: only over https, except to this machine (a local
     * stand-in of PayPal in tests).
     */
    public String insecure() {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (baseUrl.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "The base URL " + baseUrl + " is not an http address.";
        }
        if (scheme.equals("http") && !loopback(baseUrl.getHost())) {
            return "PayPal is reached over https; http is allowed for this machine only.";
        }
        return null;
    }

    /** Whether a URL is on the base URL's scheme, host and port: the one non-PayPal host the plugin trusts. */
    public boolean sameOrigin(URI other) {
        return other.getScheme() != null && other.getHost() != null
                && other.getScheme().equalsIgnoreCase(baseUrl.getScheme())
                && other.getHost().equalsIgnoreCase(baseUrl.getHost())
                && port(other) == port(baseUrl);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean loopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
    }
}
