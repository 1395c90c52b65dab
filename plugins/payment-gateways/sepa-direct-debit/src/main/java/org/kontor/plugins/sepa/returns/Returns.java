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
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentNotifications;
import org.slf4j.Logger;
import org.kontor.plugins.sepa.SepaException;
import org.kontor.plugins.sepa.collection.Collection;
import org.kontor.plugins.sepa.collection.CollectionState;
import org.kontor.plugins.sepa.collection.Collections;

/**
 * Applies returns, rejects and refund requests (AM04, AC04, MD06, MS02, …): a submitted collection becomes RETURNED
 * and yields one reversal {@link PaymentNotification} with the reason code: the host fails the payment if it was still
 * open, or books the reversal against the invoice or prepaid account it paid (reopening the invoice). A collection
 * returned before yields nothing again; the notification id is stable, so the host applies it once too. Returns that
 * come with the bank connector's webhook go back to the host as its answer; returns an operator imports are reported
 * through {@link PaymentNotifications}.
 * Each return is also published as a {@link CollectionReturned} event through the outbox.
 */
public final class Returns {

    private final Jdbi jdbi;
    private final Clock clock;
    private final Collections collections;
    private final EventPublisher events;
    private final String gatewayId;
    private final Optional<PaymentNotifications> host;
    private final Logger log;

    public Returns(Jdbi jdbi, Clock clock, Collections collections, EventPublisher events, String gatewayId,
                   Optional<PaymentNotifications> host, Logger log) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.collections = collections;
        this.events = events;
        this.gatewayId = gatewayId;
        this.host = host;
        this.log = log;
    }

    /** What one import did: the new notifications, and per end-to-end id what happened to the rest. */
    public record Imported(List<PaymentNotification> notifications, Map<String, String> skipped) {
    }

    public static String notificationId(String endToEndId) {
        return "sepa-return-" + endToEndId;
    }

    /**
     * Applies returns an operator imported and reports the new ones to the host.
     *
     * @return what was applied, and whether the host took the report (when not, {@link #reportAll} sends it again)
     */
    public Reported importReturns(List<ReturnNotice> notices, String actor) {
        Imported imported = apply(notices, actor);
        return new Reported(imported, report(imported.notifications()));
    }

    /** What an import did and whether the host took its notifications. */
    public record Reported(Imported imported, boolean reported) {
    }

    /** Reports every recorded return to the host again (it applies each once); whether it took them. */
    public boolean reportAll() {
        return report(all(10_000));
    }

    private boolean report(List<PaymentNotification> notifications) {
        if (notifications.isEmpty()) {
            return true;
        }
        if (host.isEmpty()) {
            log.warn("{} return(s) recorded, but this host takes no payment notifications", notifications.size());
            return false;
        }
        try {
            host.get().report(gatewayId, notifications);
            return true;
        } catch (RuntimeException e) {
            log.warn("The host did not take {} return(s); report them again from the returns page", notifications.size(),
                    e);
            return false;
        }
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
        return jdbi.withHandle(h -> h.createQuery("SELECT r.notification_id, c.end_to_end_id, r.amount_minor, "
                        + "r.reason_code FROM payment_sepa_return r JOIN payment_sepa_collection c "
                        + "ON c.id = r.collection_id WHERE c.end_to_end_id = :e2e")
                .bind("e2e", endToEndId)
                .map((rs, ctx) -> PaymentNotification.reversal(rs.getString(1), rs.getString(2),
                        Money.ofMinor(rs.getLong(3), Collections.EUR), rs.getString(4)))
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
            return Optional.of(PaymentNotification.reversal(id, c.endToEndId(), c.amount(), notice.reasonCode()));
        });
    }

    /** Every return recorded, newest first, as notifications (for the host to fetch again). */
    public List<PaymentNotification> all(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.notification_id, c.end_to_end_id, r.amount_minor, r.reason_code "
                        + "FROM payment_sepa_return r JOIN payment_sepa_collection c ON c.id = r.collection_id "
                        + "ORDER BY r.created_at DESC, r.notification_id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> PaymentNotification.reversal(rs.getString(1), rs.getString(2),
                        Money.ofMinor(rs.getLong(3), Collections.EUR), rs.getString(4)))
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
