package org.kontor.api.payment;

import java.util.List;

/**
 * Where a gateway reports what it learnt other than through a webhook: a return file the operator uploaded, a report
 * it fetched. The host treats each notification exactly as one that came with a webhook: stored first, applied once
 * per notification id, replayable by the operator.
 *
 * <p>Call it after the transaction that recorded what the plugin learnt has committed, so that nothing is reported
 * that the plugin then rolls back; reporting the same notification again is harmless.
 *
 * @since 1.5.0
 */
public interface PaymentNotifications {

    /**
     * Hands notifications about payments of the gateway {@code gatewayId} (one of the calling plugin's) to the host.
     *
     * @throws IllegalArgumentException when the gateway is not the plugin's
     */
    void report(String gatewayId, List<PaymentNotification> notifications);
}
