package org.kontor.host.payments;

import java.time.Instant;
import org.kontor.api.outcome.OutcomeStatus;

/** The operator's filters on the payments overview; a null filter matches any value. */
public record PaymentFilter(OutcomeStatus status, String gatewayId, PaymentPurpose purpose, PaymentKind kind,
                            String customerId, Instant from, Instant to, int limit) {

    public static PaymentFilter all(int limit) {
        return new PaymentFilter(null, null, null, null, null, null, null, limit);
    }
}
