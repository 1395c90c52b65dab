package org.kontor.plugins.sepa.returns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.plugins.sepa.SepaException;
import org.kontor.plugins.sepa.collection.Collection;
import org.kontor.plugins.sepa.collection.CollectionState;
import org.kontor.plugins.sepa.collection.Collections;

/**
 * Applies returns, rejects and refund requests (AM04, AC04, MD06, MS02, …): a submitted collection becomes RETURNED
 * and yields one ERROR {@link PaymentNotification} for the host to reverse the payment and reopen the invoice. A
 * collection returned before yields nothing again; the notification id is stable, so the host applies it once too.
 * Each return is also published as a {@link CollectionReturned} event through the outbox.
 */
public final class Returns {

    private final Jdbi jdbi;
    private final Clock clock;
    private final Collections collections;
    private final EventPublisher events;
    private final String gatewayId;

    public Returns(Jdbi jdbi, Clock clock, Collections collections, EventPublisher events, String gatewayId) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.collections = collections;
        this.events = events;
        this.gatewayId = gatewayId;
    }

    /** What one import did: the new notifications, and per end-to-end id what happened to the rest. */
    public record Imported(List<PaymentNotification> notifications, Map<String, String> skipped) {
    }

    public static String notificationId(String endToEndId) {
        return "sepa-return-" + endToEndId;
    }

    public Imported apply(List<ReturnNotice> notices, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < notices.size(); i++) {
            ReturnNotice n = notices.get(i);
            if (n.endToEndId() == null || n.endToEndId().isBlank()) {
                errors.put("returns[" + i + "].endToEndId", "endToEndId is required");
            }
            if (!ReturnReasons.isCode(n.reasonCode())) {
                errors.put("returns[" + i + "].reasonCode", "reasonCode must be an ISO 20022 code such as AM04");
            }
        }
        if (!errors.isEmpty()) {
            throw SepaException.invalid(errors);
        }
        List<PaymentNotification> created = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (ReturnNotice notice : notices) {
            apply(notice, actor).ifPresentOrElse(created::add,
                    () -> skipped.put(notice.endToEndId(), skippedBecause(notice.endToEndId())));
        }
        return new Imported(List.copyOf(created), skipped);
    }

    /**
     * Applies the notices like {@link #apply}, and answers the notification of every notice's return, recorded now or
     * before, in the notices' order: what the same notices give each time they are applied.
     */
    public List<PaymentNotification> applyAgain(List<ReturnNotice> notices, String actor) {
        apply(notices, actor);
        List<PaymentNotification> notifications = new ArrayList<>();
        for (ReturnNotice notice : notices) {
            recorded(notice.endToEndId()).filter(n -> !notifications.contains(n)).ifPresent(notifications::add);
        }
        return List.copyOf(notifications);
    }

    /** The notification of the collection's return, if it was returned. */
    public Optional<PaymentNotification> recorded(String endToEndId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.notification_id, c.end_to_end_id, r.amount_minor "
                        + "FROM payment_sepa_return r JOIN payment_sepa_collection c ON c.id = r.collection_id "
                        + "WHERE c.end_to_end_id = :e2e")
                .bind("e2e", endToEndId)
                .map((rs, ctx) -> new PaymentNotification(rs.getString(1), rs.getString(2), OutcomeStatus.ERROR,
                        Money.ofMinor(rs.getLong(3), Collections.EUR)))
                .findFirst());
    }

    private Optional<PaymentNotification> apply(ReturnNotice notice, String actor) {
        return jdbi.inTransaction(h -> {
            Instant now = clock.instant();
            Optional<Collection> found = collections.byEndToEndId(h, notice.endToEndId());
            if (found.isEmpty() || found.get().state() != CollectionState.SUBMITTED) {
                return Optional.<PaymentNotification>empty();
            }
            Collection c = found.get();
            int changed = h.createUpdate("UPDATE payment_sepa_collection SET state = 'RETURNED', reason_code = :code, "
                            + "returned_at = :now WHERE id = :id AND state = 'SUBMITTED'")
                    .bind("code", notice.reasonCode()).bind("now", now.toEpochMilli()).bind("id", c.id()).execute();
            if (changed != 1) {
                return Optional.<PaymentNotification>empty();
            }
            String id = notificationId(c.endToEndId());
            h.createUpdate("INSERT INTO payment_sepa_return (notification_id, collection_id, reason_code, amount_minor, "
                            + "currency, created_at, created_by) VALUES (:id, :collection, :code, :amount, :currency, "
                            + ":now, :actor)")
                    .bind("id", id).bind("collection", c.id()).bind("code", notice.reasonCode())
                    .bind("amount", c.amount().toMinorUnits()).bind("currency", c.amount().currencyCode())
                    .bind("now", now.toEpochMilli()).bind("actor", actor).execute();
            events.publish(h, new CollectionReturned(id, gatewayId, c.endToEndId(), c.customerId(), c.reference(),
                    c.amount(), notice.reasonCode()));
            return Optional.of(new PaymentNotification(id, c.endToEndId(), OutcomeStatus.ERROR, c.amount()));
        });
    }

    /** Every return recorded, newest first, as notifications (for the host to fetch again). */
    public List<PaymentNotification> all(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.notification_id, c.end_to_end_id, r.amount_minor "
                        + "FROM payment_sepa_return r JOIN payment_sepa_collection c ON c.id = r.collection_id "
                        + "ORDER BY r.created_at DESC, r.notification_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new PaymentNotification(rs.getString(1), rs.getString(2), OutcomeStatus.ERROR,
                        Money.ofMinor(rs.getLong(3), Collections.EUR)))
                .list());
    }

    private String skippedBecause(String endToEndId) {
        return jdbi.withHandle(h -> collections.byEndToEndId(h, endToEndId)
                .map(c -> switch (c.state()) {
                    case RETURNED -> "already returned";
                    case PENDING -> "not yet submitted";
                    case SUBMITTED -> "not applied";
                })
                .orElse("unknown end-to-end id"));
    }
}
