package org.kontor.plugins.stripe.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kontor.api.payment.WebhookRejectedException;

/**
 * Stripe's webhook signature: the header {@code Stripe-Signature: t=<unix time>,v1=<hex>[,v1=<hex>…]} where each
 * {@code v1} is the HMAC-SHA256 of {@code "<t>.<raw body>"} under an endpoint's signing secret. Several {@code v1}
 * values come while Stripe rolls the secret; the operator may likewise configure two secrets. A timestamp further than
 * {@link #TOLERANCE} from now is refused, so that a captured notification cannot be replayed later.
 */
public final class StripeSignature {

    public static final String HEADER = "Stripe-Signature";
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private StripeSignature() {
    }

    /**
     * @throws WebhookRejectedException when the header is missing or malformed, too old or too new, or no
     *                                  {@code v1} matches any of the secrets
     */
    public static void verify(String header, byte[] body, List<String> secrets, Instant now)
            throws WebhookRejectedException {
        if (secrets.isEmpty()) {
            throw new WebhookRejectedException("no webhook signing secret is configured");
        }
        if (header == null || header.isBlank()) {
            throw new WebhookRejectedException("the request carries no " + HEADER + " header");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            int equals = item.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = item.substring(0, equals).strip();
            String value = item.substring(equals + 1).strip();
            if (name.equals("t")) {
                if (timestamp != null) {
                    throw new WebhookRejectedException("the signature names two timestamps");
                }
                timestamp = value;
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || !timestamp.matches("\\d{1,12}") || signatures.isEmpty()) {
            throw new WebhookRejectedException("the " + HEADER + " header has no timestamp or no v1 signature");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            throw new WebhookRejectedException("the signature's timestamp " + signedAt + " is more than "
                    + TOLERANCE.toSeconds() + " s from now");
        }
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
            for (String signature : signatures) {
                // every comparison runs in constant time and all of them run, so timing tells nothing
                matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (!matched) {
            throw new WebhookRejectedException("no v1 signature matches the webhook signing secret");
        }
    }

    /** The header Stripe sends for a body signed with the secret at the time. */
    public static String header(String secret, Instant signedAt, byte[] body) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return "t=" + timestamp + ",v1=" + sign(secret, timestamp, body);
    }

    /** The hex HMAC-SHA256 of {@code "<timestamp>.<body>"}. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
