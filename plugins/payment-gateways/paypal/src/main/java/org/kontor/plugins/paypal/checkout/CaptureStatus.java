package org.kontor.plugins.paypal.checkout;

import java.util.Set;
import org.kontor.api.outcome.OutcomeStatus;

/** PayPal's capture statuses and what they mean for the payment. */
final class CaptureStatus {

    private static final Set<String> PAID = Set.of("COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED");
    private static final Set<String> FAILED = Set.of("DECLINED", "FAILED", "DENIED");

    private CaptureStatus() {
    }

    static boolean paid(String status) {
        return PAID.contains(status);
    }

    static OutcomeStatus outcome(String status) {
        if (PAID.contains(status)) {
            return OutcomeStatus.PROCESSED;
        }
        return FAILED.contains(status) ? OutcomeStatus.ERROR : OutcomeStatus.PENDING;
    }
}
