package org.kontor.api.payment;

import java.util.Objects;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;

/**
 * What a provider's notification says about one payment.
 *
 * <p>Most notifications settle a payment or a refund ({@link Kind#PAYMENT}): the payment the host started takes the
 * notified status unless it was settled before. A {@link Kind#REVERSAL} says the provider took money of a processed
 * payment back: a chargeback or a lost dispute, a direct debit the debtor's bank returned. The host books it once per
 * notification id, against the invoice or the prepaid account the payment paid; a reversal of a payment that is still
 * open means the payment failed.
 *
 * @param notificationId   the provider's id of the notification, so a redelivery is applied once
 * @param gatewayReference the provider's id of the payment (or of the refund it settles)
 * @param amount           the amount the notification confirms (may be null when it names none; required for a
 *                         reversal)
 * @param kind             whether it settles a payment or reverses a processed one (since 1.5.0)
 * @param reason           the provider's reason for a reversal, e.g. {@code AM04} or {@code fraudulent}, or null
 * @param cardFingerprint  the provider's fingerprint of the card a payment was made with (the same card gives the same
 *                         fingerprint), or null; risk checks see it (since 1.7.0)
 */
public record PaymentNotification(String notificationId, String gatewayReference, OutcomeStatus status, Money amount,
                                  Kind kind, String reason, String cardFingerprint) {

    /**
     * What a notification does.
     *
     * @since 1.5.0
     */
    public enum Kind {
        /** Settles a payment or a refund the host started. */
        PAYMENT,
        /** The provider took back money of a processed payment. */
        REVERSAL
    }

    public PaymentNotification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(gatewayReference, "gatewayReference");
        Objects.requireNonNull(status, "status");
        kind = kind == null ? Kind.PAYMENT : kind;
        if (kind == Kind.REVERSAL) {
            Objects.requireNonNull(amount, "amount: a reversal names the amount taken back");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("amount: a reversal takes back a positive amount, was " + amount);
            }
            if (status != OutcomeStatus.PROCESSED) {
                throw new IllegalArgumentException("status: a reversal is reported once it happened (PROCESSED)");
            }
        }
    }

    /**
     * A notification without a card fingerprint.
     *
     * @since 1.5.0
     */
    public PaymentNotification(String notificationId, String gatewayReference, OutcomeStatus status, Money amount,
                               Kind kind, String reason) {
        this(notificationId, gatewayReference, status, amount, kind, reason, null);
    }

    /** A notification settling a payment or a refund. */
    public PaymentNotification(String notificationId, String gatewayReference, OutcomeStatus status, Money amount) {
        this(notificationId, gatewayReference, status, amount, Kind.PAYMENT, null);
    }

    /**
     * The provider took {@code amount} of the payment it knows as {@code gatewayReference} back.
     *
     * @since 1.5.0
     */
    public static PaymentNotification reversal(String notificationId, String gatewayReference, Money amount,
                                               String reason) {
        return new PaymentNotification(notificationId, gatewayReference, OutcomeStatus.PROCESSED, amount, Kind.REVERSAL,
                reason);
    }

    /**
     * This notification with the fingerprint of the card the payment was made with.
     *
     * @since 1.7.0
     */
    public PaymentNotification withCardFingerprint(String fingerprint) {
        return new PaymentNotification(notificationId, gatewayReference, status, amount, kind, reason,
                fingerprint == null || fingerprint.isBlank() ? null : fingerprint.strip());
    }

    /** Whether the provider took money back. */
    public boolean isReversal() {
        return kind == Kind.REVERSAL;
    }
}
