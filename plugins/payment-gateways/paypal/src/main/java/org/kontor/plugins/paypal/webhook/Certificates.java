package org.kontor.plugins.paypal.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.plugins.paypal.api.ApiConfig;
import org.slf4j.Logger;

/**
 * PayPal's signing certificates, fetched from the webhook's {@code paypal-cert-url} and kept by URL. A URL is fetched
 * only from a PayPal host over https ({@code paypal.com} or below it), or from the configured API base URL's own origin
 * (a local stand-in of PayPal): the certificate is trusted because of where it comes from, so no other host is asked.
 */
final class Certificates {

    private static final int KEPT = 32;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final Logger log;
    private final Map<String, X509Certificate> byUrl = new ConcurrentHashMap<>();

    Certificates(HttpClient http, Logger log) {
        this.http = http;
        this.log = log;
    }

    /**
     * The signing certificate at {@code url}.
     *
     * @throws WebhookRejectedException when the URL is not one PayPal signs from, or what it serves is no certificate
     * @throws IllegalStateException    when it could not be fetched now (the webhook is processed again later)
     */
    X509Certificate at(String url, ApiConfig config) throws WebhookRejectedException {
        URI uri = trusted(url, config);
        X509Certificate known = byUrl.get(uri.toString());
        if (known != null) {
            return known;
        }
        X509Certificate fetched = fetch(uri);
        if (byUrl.size() >= KEPT) {
            byUrl.clear();
        }
        byUrl.put(uri.toString(), fetched);
        return fetched;
    }

    static URI trusted(String url, ApiConfig config) throws WebhookRejectedException {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("the certificate URL is not a URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean paypal = "https".equalsIgnoreCase(uri.getScheme()) && (host.equals("paypal.com")
                || host.endsWith(".paypal.com")) && uri.getUserInfo() == null;
        if (!paypal && !config.sameOrigin(uri)) {
            throw new WebhookRejectedException("the certificate URL " + url + " is not on a PayPal host");
        }
        return uri;
    }

    private X509Certificate fetch(URI uri) throws WebhookRejectedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("PayPal's certificate " + uri + " could not be fetched: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + uri);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new IllegalStateException("PayPal's certificate " + uri + " could not be fetched: HTTP "
                    + response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw new WebhookRejectedException("there is no certificate at " + uri + " (HTTP " + response.statusCode() + ")");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(new ByteArrayInputStream(response.body()))
                    .forEach(certificate -> chain.add((X509Certificate) certificate));
        } catch (CertificateException e) {
            throw new WebhookRejectedException("what " + uri + " serves is not a certificate");
        }
        if (chain.isEmpty()) {
            throw new WebhookRejectedException("what " + uri + " serves is not a certificate");
        }
        log.info("Fetched PayPal's webhook signing certificate {} ({}, valid until {})", uri,
                chain.get(0).getSubjectX500Principal().getName(), chain.get(0).getNotAfter().toInstant());
        return chain.get(0);
    }
}
