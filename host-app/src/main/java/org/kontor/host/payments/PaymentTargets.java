package org.kontor.host.payments;

import java.util.Optional;
import org.kontor.api.money.Money;

/** What payments pay: the amounts due on orders, invoices and top-ups, and what a processed payment changes there. */
public interface PaymentTargets {

    /** What is owed on a target that is open for payment. */
    record Due(String customerId, Money amount, String description) {
    }

    /**
     * The amount due on a target that is open for payment, if it exists and, when {@code customerId} is not null,
     * belongs to that customer. An operator (null) sees every target.
     */
    Optional<Due> due(PaymentPurpose purpose, String targetId, String customerId);

    /**
     * Carries out a processed payment's effect on its target. Repeatable: a second call with the same payment changes
     * nothing (the effects are keyed by the payment's idempotency key or are conditional state changes).
     *
     * @return the id of the invoice the payment was booked on, or null when none
     */
    String apply(Payment payment);

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
