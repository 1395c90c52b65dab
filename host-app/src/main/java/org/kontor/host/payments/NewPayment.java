package org.kontor.host.payments;

import org.kontor.api.money.Money;

/**
 * A payment or refund to record before the gateway is called.
 *
 * @param requestKey the caller's Idempotency-Key with its scope, or null
 * @param refundOf   the refunded payment for a refund, otherwise null
 */
record NewPayment(String id, PaymentKind kind, PaymentPurpose purpose, String targetId, String customerId,
                  String gatewayId, String method, Money amount, String key, String requestKey, String refundOf,
                  String reason) {
}
