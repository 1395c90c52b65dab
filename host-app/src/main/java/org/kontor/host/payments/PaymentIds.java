package org.kontor.host.payments;

import java.util.Locale;
import java.util.UUID;

/**
 * Payment ids name their purpose and target: {@code top-up:<top-up id>:<uuid>}. {@code PaymentSucceeded} carries no
 * target, so the prepaid account plugin reads the paid top-up from the payment id ({@code TopUpPayments}); the last 36
 * characters are a random UUID.
 */
final class PaymentIds {

    private PaymentIds() {
    }

    static String next(PaymentPurpose purpose, String targetId) {
        return purpose.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + targetId + ":" + UUID.randomUUID();
    }
}
