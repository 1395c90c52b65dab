package org.kontor.plugins.paypal.webhook;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.plugins.paypal.checkout.Orders;

/**
 * Money PayPal took back of a capture, once per webhook event. A chargeback comes as a reversed capture
 * (PAYMENT.CAPTURE.REVERSED) and, when decided against the seller, as a lost dispute (CUSTOMER.DISPUTE.RESOLVED); a
 * dispute PayPal settles by refunding the buyer may come as a refund the host never asked for. Each of these is the
 * same money, so per capture the events of each kind are summed and only the larger sum counts: an event reports what
 * it adds to that, which is nothing when the other kind reported it already.
 */
final class Reversals {

    enum Source {
        /** PayPal reversed or refunded the capture. */
        CAPTURE,
        /** PayPal decided a dispute for the buyer. */
        DISPUTE
    }

    private final Jdbi jdbi;
    private final Clock clock;

    Reversals(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records the event's amount taken back of the capture; what it adds to what was reported (zero or positive). The
     * same event again answers what it reported the first time.
     */
    Money record(String eventId, String captureId, Source source, Money amount) {
        return jdbi.inTransaction(h -> {
            Orders.lockCapture(h, captureId);
            Optional<Long> earlier = h.createQuery("SELECT reported_minor FROM payment_paypal_reversal "
                    + "WHERE event_id = :event").bind("event", eventId).mapTo(Long.class).findOne();
            if (earlier.isPresent()) {
                return Money.ofMinor(earlier.get(), amount.currency());
            }
            long captures = sum(h, captureId, Source.CAPTURE);
            long disputes = sum(h, captureId, Source.DISPUTE);
            long before = Math.max(captures, disputes);
            long minor = amount.toMinorUnits();
            long after = source == Source.CAPTURE ? Math.max(captures + minor, disputes)
                    : Math.max(captures, disputes + minor);
            long reported = after - before;
            h.createUpdate("INSERT INTO payment_paypal_reversal (event_id, capture_id, source, amount_minor, "
                            + "reported_minor, currency, created_at) VALUES (:event, :capture, :source, :amount, "
                            + ":reported, :currency, :now)")
                    .bind("event", eventId).bind("capture", captureId).bind("source", source.name())
                    .bind("amount", minor).bind("reported", reported).bind("currency", amount.currencyCode())
                    .bind("now", clock.millis()).execute();
            return Money.ofMinor(reported, amount.currency());
        });
    }

    private static long sum(org.jdbi.v3.core.Handle h, String captureId, Source source) {
        return h.createQuery("SELECT COALESCE(SUM(amount_minor), 0) FROM payment_paypal_reversal "
                        + "WHERE capture_id = :capture AND source = :source")
                .bind("capture", captureId).bind("source", source.name()).mapTo(Long.class).one();
    }
}
