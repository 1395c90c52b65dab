package org.kontor.plugins.paypal.checkout;

import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/**
 * One PayPal order as the plugin keeps it.
 *
 * @param key           the host's idempotency key: PayPal-Request-Id of the order's creation
 * @param paymentId     the host's payment id, sent as the order's custom_id and invoice_id
 * @param requestBody   the creation request exactly as sent
 * @param orderId       PayPal's order id, once known
 * @param captureId     PayPal's capture id, once captured
 * @param abandoned     the host was told the payment ended without money; the order is never captured
 */
public record OrderRow(IdempotencyKey key, String paymentId, Money amount, String requestBody, String orderId,
                       String orderStatus, String approveUrl, String captureId, String captureStatus, boolean abandoned,
                       Instant createdAt) {

    /** The PayPal-Request-Id of the order's capture, derived from the key so that every retry sends the same. */
    public String captureRequestId() {
        return "capture:" + key.value();
    }

    /** Whether the capture took the money: it completed, and perhaps was refunded since. */
    public boolean captured() {
        return captureStatus != null && CaptureStatus.paid(captureStatus);
    }
}
