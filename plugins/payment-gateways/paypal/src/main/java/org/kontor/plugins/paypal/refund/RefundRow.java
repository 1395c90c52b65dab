package org.kontor.plugins.paypal.refund;

import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * One refund as the plugin keeps it.
 *
 * @param key         the host's idempotency key: the refund's PayPal-Request-Id and custom_id
 * @param refundId    PayPal's refund id, once known
 * @param status      PayPal's refund status once known, {@code REFUSED} when PayPal refused the request, {@code NONE}
 *                    when it is known that no refund was made
 */
public record RefundRow(IdempotencyKey key, String orderId, String captureId, Money amount, String requestBody,
                        String refundId, String status, Instant createdAt) {
}
