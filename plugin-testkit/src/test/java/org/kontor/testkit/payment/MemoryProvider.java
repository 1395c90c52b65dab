package org.kontor.testkit.payment;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kontor.api.money.Money;

/** A payment provider in memory: payments and refunds per idempotency key, refunds never above the payment. */
final class MemoryProvider {

    record Payment(String reference, Money amount, boolean captured) {
    }

    private record Refund(String reference, String paymentReference, Money amount) {
    }

    private final Map<String, Payment> payments = new HashMap<>();
    private final Map<String, Refund> refunds = new HashMap<>();

    synchronized Payment charge(String key, Money amount) {
        return payments.computeIfAbsent(key, k -> new Payment("mp_" + UUID.randomUUID(), amount, false));
    }

    synchronized Optional<Payment> payment(String key) {
        return Optional.ofNullable(payments.get(key));
    }

    /** The customer completes the checkout. */
    synchronized void capture(String reference) {
        payments.replaceAll((key, p) -> p.reference().equals(reference) ? new Payment(p.reference(), p.amount(), true) : p);
    }

    synchronized int count() {
        return payments.size();
    }

    /** The refund's reference, or empty when refused. */
    synchronized Optional<String> refund(String key, String paymentReference, Money amount, boolean noLimit) {
        Refund earlier = refunds.get(key);
        if (earlier != null) {
            return Optional.of(earlier.reference());
        }
        Optional<Payment> payment = payments.values().stream().filter(p -> p.reference().equals(paymentReference))
                .findFirst();
        if (payment.isEmpty() || !payment.get().captured() || !payment.get().amount().currency().equals(amount.currency())) {
            return Optional.empty();
        }
        Money refunded = refunds.values().stream().filter(r -> r.paymentReference().equals(paymentReference))
                .map(Refund::amount).reduce(Money.zero(amount.currency()), Money::plus);
        if (!noLimit && refunded.plus(amount).isGreaterThan(payment.get().amount())) {
            return Optional.empty();
        }
        Refund refund = new Refund("mr_" + UUID.randomUUID(), paymentReference, amount);
        refunds.put(key, refund);
        return Optional.of(refund.reference());
    }
}
