package org.kontor.plugins.paypal.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.plugins.paypal.api.ApiResult;
import org.kontor.plugins.paypal.api.Paths;
import org.kontor.plugins.paypal.api.PayPalClient;
import org.slf4j.Logger;

/**
 * Checks that a webhook comes from PayPal for this webhook id. PayPal signs
 * {@code <transmission id>|<transmission time>|<webhook id>|<CRC32 of the body>} with SHA256withRSA; the signature,
 * the time, the id and the certificate's URL come in {@code paypal-transmission-*}, {@code paypal-cert-url} and
 * {@code paypal-auth-algo}. The check is done here against the certificate ({@link Mode#CERTIFICATE}: fetched from a
 * PayPal host, valid at the transmission time), or by PayPal's verify-webhook-signature API ({@link Mode#API}). A
 * transmission whose time is more than {@link #MAX_SKEW} from when it was first seen is refused as stale.
 *
 * <p>A webhook that cannot be checked now (PayPal's certificate or API unreachable) throws
 * {@link IllegalStateException}: the host keeps it and processes it again later.
 */
public final class WebhookVerifier {

    /** How far a transmission's time may be from the time it is first seen. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    public static final String ALGORITHM = "SHA256withRSA";

    /** How a signature is checked. */
    public enum Mode {
        /** Here, against PayPal's certificate. */
        CERTIFICATE,
        /** By PayPal's verify-webhook-signature API. */
        API
    }

    private record Headers(String transmissionId, String time, String signature, String certUrl, String algorithm) {
    }

    private final Transmissions transmissions;
    private final Certificates certificates;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public WebhookVerifier(Jdbi jdbi, HttpClient http, Clock clock, Logger log) {
        this.transmissions = new Transmissions(jdbi, clock);
        this.certificates = new Certificates(http, log);
        this.clock = clock;
    }

    /**
     * @param webhookId the id PayPal gave the webhook (the operator's setting)
     * @param client    PayPal's API, for the certificate's allowed origin and for {@link Mode#API}
     * @throws WebhookRejectedException when it is not a genuine, fresh notification of this webhook
     */
    public void verify(WebhookRequest request, String webhookId, Mode mode, Supplier<PayPalClient> client)
            throws WebhookRejectedException {
        if (webhookId == null || webhookId.isBlank()) {
            throw new WebhookRejectedException("no PayPal webhook id is configured");
        }
        Headers headers = headers(request);
        Instant sent = time(headers.time());
        byte[] body = request.body();
        byte[] fingerprint = fingerprint(headers, body);
        Optional<Transmissions.Seen> seen = transmissions.find(headers.transmissionId());
        if (seen.isPresent() && !MessageDigest.isEqual(seen.get().fingerprint(), fingerprint)) {
            throw new WebhookRejectedException("transmission " + headers.transmissionId() + " was seen with another "
                    + "signature or body");
        }
        Instant reference = seen.map(Transmissions.Seen::at).orElse(clock.instant());
        if (Duration.between(sent, reference).abs().compareTo(MAX_SKEW) > 0) {
            throw new WebhookRejectedException("the transmission time " + headers.time() + " is more than "
                    + MAX_SKEW.toMinutes() + " minutes from " + reference);
        }
        try {
            if (mode == Mode.API) {
                byApi(headers, webhookId, body, client.get());
            } else {
                byCertificate(headers, webhookId, body, sent, client);
            }
        } catch (IllegalStateException e) {
            // not decided: fresh now, so still fresh when the host processes it again
            transmissions.remember(headers.transmissionId(), fingerprint);
            throw e;
        }
        if (seen.isEmpty()) {
            transmissions.remember(headers.transmissionId(), fingerprint);
        }
    }

    private void byCertificate(Headers headers, String webhookId, byte[] body, Instant sent,
                               Supplier<PayPalClient> client) throws WebhookRejectedException {
        if (!ALGORITHM.equalsIgnoreCase(headers.algorithm())) {
            throw new WebhookRejectedException("the signature algorithm " + headers.algorithm() + " is not " + ALGORITHM);
        }
        X509Certificate certificate = certificates.at(headers.certUrl(), client.get().config());
        try {
            certificate.checkValidity(Date.from(sent));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new WebhookRejectedException("the signing certificate is not valid at " + headers.time());
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(headers.signature());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("the signature is not base64");
        }
        String signed = headers.transmissionId() + "|" + headers.time() + "|" + webhookId + "|" + crc32(body);
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new WebhookRejectedException("the signature does not match the body and webhook id");
        }
    }

    private void byApi(Headers headers, String webhookId, byte[] body, PayPalClient client)
            throws WebhookRejectedException {
        try {
            if (!json.readTree(body).isObject()) {
                throw new WebhookRejectedException("the body is not a JSON object");
            }
        } catch (java.io.IOException e) {
            throw new WebhookRejectedException("the body is not JSON");
        }
        ObjectNode fields = json.createObjectNode()
                .put("auth_algo", headers.algorithm())
                .put("cert_url", headers.certUrl())
                .put("transmission_id", headers.transmissionId())
                .put("transmission_sig", headers.signature())
                .put("transmission_time", headers.time())
                .put("webhook_id", webhookId);
        String text = fields.toString();
        // the event goes as received: PayPal checks the signature over its exact bytes
        String request = text.substring(0, text.length() - 1) + ",\"webhook_event\":"
                + new String(body, StandardCharsets.UTF_8) + "}";
        ApiResult answer = client.post(Paths.VERIFY_WEBHOOK, request, null);
        if (answer.ok()) {
            if (!"SUCCESS".equals(answer.body().path("verification_status").asText())) {
                throw new WebhookRejectedException("PayPal did not confirm the signature");
            }
            return;
        }
        if (answer.undecided() || answer.credentialsRefused() || answer.status() == 401 || answer.status() == 403) {
            throw new IllegalStateException("PayPal could not verify the webhook now: " + answer);
        }
        throw new WebhookRejectedException("PayPal refused to verify the webhook: " + answer.issue());
    }

    private static Headers headers(WebhookRequest request) throws WebhookRejectedException {
        return new Headers(required(request, "paypal-transmission-id"), required(request, "paypal-transmission-time"),
                required(request, "paypal-transmission-sig"), required(request, "paypal-cert-url"),
                required(request, "paypal-auth-algo"));
    }

    private static String required(WebhookRequest request, String name) throws WebhookRejectedException {
        String value = request.header(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new WebhookRejectedException("the header " + name + " is missing");
        }
        return value;
    }

    private static Instant time(String text) throws WebhookRejectedException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new WebhookRejectedException("the transmission time " + text + " is not a date and time");
        }
    }

    static long crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }

    private static byte[] fingerprint(Headers headers, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", headers.transmissionId(), headers.time(), headers.signature(),
                    headers.certUrl(), headers.algorithm()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
