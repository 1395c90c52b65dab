package org.kontor.host.payments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Payment ids name their purpose and target: {@code top-up:<top-up id>:<uuid>}. {@code PaymentSucceeded} carries no
 * target, so the prepaid account plugin reads the paid top-up from the payment id ({@code TopUpPayments}); the last 36
 * characters are a random UUID.
 */
public final class PaymentIds {

    private PaymentIds() {
    }

    static String next(PaymentPurpose purpose, String targetId) {
        return purpose.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + targetId + ":" + UUID.randomUUID();
    }

    /** An id as one segment of a URL path; its colons stay as they are, which paths allow. */
    public static String urlSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }
}
