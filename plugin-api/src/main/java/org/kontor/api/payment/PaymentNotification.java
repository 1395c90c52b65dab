package org.kontor.api.payment;

import java.util.Objects;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;

/**
 * What a provider's notification says about one payment.
 *
 * @param notificationId   the provider's id of the notification, so a redelivery is applied once
 * @param gatewayReference the provider's id of the payment
 * @param amount           the amount the notification confirms (may be null when it names none)
 */
public record PaymentNotification(String notificationId, String gatewayReference, OutcomeStatus status, Money amount) {

    public PaymentNotification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(gatewayReference, "gatewayReference");
        Objects.requireNonNull(status, "status");
    }
}
