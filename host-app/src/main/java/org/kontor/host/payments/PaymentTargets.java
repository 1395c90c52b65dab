package org.kontor.host.payments;

import java.util.Optional;
import org.kontor.api.money.Money;

/** What payments pay: the amounts due on orders, invoices and top-ups, and what a processed payment changes there. */
public interface PaymentTargets {

    /**
     * What is owed on a target that is open for payment.
     *
     * @param reference how the customer knows the target: an invoice's number, an order's or a top-up's id
     */
    record Due(String customerId, Money amount, String description, String reference) {

        public Due(String customerId, Money amount, String description) {
            this(customerId, amount, description, null);
        }
    }

    /**
     * The amount due on a target that is open for payment, if it exists and, when {@code customerId} is not null,
     * belongs to that customer. An operator (null) sees every target.
     */
    Optional<Due> due(PaymentPurpose purpose, String targetId, String customerId);

    /**
     * How the customer knows a target, open or not: an invoice's number; by default its id.
     */
    default String reference(PaymentPurpose purpose, String targetId) {
        return targetId;
    }

    /**
     * Carries out a processed payment's effect on its target. Repeatable: a second call with the same payment changes
     * nothing (the effects are keyed by the payment's idempotency key or are conditional state changes).
     *
     * @return the id of the invoice the payment was booked on, or null when none
     */
    String apply(Payment payment);

    /**
     * Whether {@link #apply} writes nothing of its own for this payment (a top-up: the prepaid plugin credits the
     * account when it hears {@code PaymentSucceeded}), so that the payment's effect may be carried out inside the
     * transaction that records it processed, one commit instead of two.
     */
    default boolean appliesWithoutWrites(Payment payment) {
        return false;
    }

    /**
     * Takes money that went back to the payer (a refund or a provider's reversal of {@code original}) off the target
     * again: the invoice it paid is open again for that amount. Repeatable like {@link #apply}, keyed by the refund's
     * idempotency key.
     *
     * @return the id of the invoice the amount was taken off, or null when none (a top-up: its account is the prepaid
     *         plugin's, which hears of it through {@code PaymentReversed})
     */
    String takeBack(Payment moneyBack, Payment original);
}
