package org.kontor.host.payments;

import java.time.Instant;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;

/**
 * One payment attempt or refund as stored.
 *
 * @param key               the idempotency key the gateway received
 * @param providerReference the gateway's id for it, once known
 * @param redirectUrl       where the customer finishes the payment, or null
 * @param instructions      what the customer has to do (a bank transfer's details), or null
 * @param refundOf          for a refund: the payment it gives back; otherwise null
 * @param applied           whether a processed payment's effect was carried out
 * @param attempts          how often the gateway was asked (purchase, then each status question)
 * @param cardFingerprint   the gateway's fingerprint of the card it was paid with, when the gateway reported one
 */
public record Payment(String id, PaymentKind kind, PaymentPurpose purpose, String targetId, String customerId,
                      String gatewayId, String method, Money amount, IdempotencyKey key, OutcomeStatus status,
                      String providerReference, String redirectUrl, String instructions, String message,
                      String refundOf, boolean applied, int attempts, Instant nextCheckAt, Instant createdAt,
                      Instant updatedAt, Instant settledAt, boolean reversal, String reason, String cardFingerprint) {

    /** The gateway id of payments the operator recorded by hand. */
    public static final String MANUAL = "manual";

    public boolean isManual() {
        return MANUAL.equals(gatewayId);
    }

    /** Whether this is money back on a payment: a refund or a reversal. */
    public boolean isMoneyBack() {
        return kind == PaymentKind.REFUND;
    }

    /** The payment as it is once a notification settled it. */
    public Payment settledAs(OutcomeStatus newStatus, String newReference) {
        return settledAs(newStatus, newReference, null);
    }

    /** The payment as it is once a notification settled it, naming the card it was paid with (or null). */
    public Payment settledAs(OutcomeStatus newStatus, String newReference, String newCardFingerprint) {
        return new Payment(id, kind, purpose, targetId, customerId, gatewayId, method, amount, key, newStatus,
                newReference == null ? providerReference : newReference, redirectUrl, instructions, message, refundOf,
                applied, attempts + 1, null, createdAt, updatedAt, settledAt, reversal, reason,
                newCardFingerprint == null ? cardFingerprint : newCardFingerprint);
    }
}
