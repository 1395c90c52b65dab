package org.kontor.host.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.Event;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox events to the listeners of the running plugins, outside any transaction.
 *
 * <p>Each (event, listener) pair has a row in {@code event_delivery}. An attempt is claimed with one
 * conditional UPDATE (same attempt count, due), so two hosts never deliver the same attempt twice; a
 * failure is logged against the listener's plugin and retried with exponential back-off until the
 * {@link RetryPolicy} gives up. An event is complete when every listener has succeeded or given up.
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int BATCH = 200;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Jdbi jdbi;
    private final Extensions extensions;
    private final EventTypes types;
    private final ObjectMapper json;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Executor executor;

    /**
     * @param executor runs after-commit deliveries off the publisher's thread
     */
    public EventDispatcher(Jdbi jdbi, Extensions extensions, EventTypes types, ObjectMapper json, Clock clock,
                           RetryPolicy retry, Executor executor) {
        this.jdbi = jdbi;
        this.extensions = extensions;
        this.types = types;
        this.json = json;
        this.clock = clock;
        this.retry = retry;
        this.executor = executor;
    }

    /** Queues delivery of one event; never throws. */
    public void deliverLater(String eventId) {
        try {
            executor.execute(() -> deliverQuietly(eventId));
        } catch (RuntimeException e) {
            LOG.warn("Could not queue delivery of event {}; the next sweep delivers it", eventId, e);
        }
    }

    /**
     * Delivers every incomplete event whose deliveries are due (first attempts and retries).
     *
     * @return the number of events looked at
     */
    public int dispatchPending() {
        // Events whose retries are all scheduled later are skipped, so they cannot crowd newer events out of the batch.
        List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT o.id FROM event_outbox o WHERE o.completed_at IS NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM event_delivery d WHERE d.event_id = o.id AND d.status = 'PENDING' "
                        + "AND d.next_attempt_at > :now) ORDER BY o.occurred_at, o.id LIMIT " + BATCH)
                .bind("now", clock.instant())
                .mapTo(String.class).list());
        ids.forEach(this::deliverQuietly);
        return ids.size();
    }

    /** Delivers one event to each of its listeners whose delivery is due. */
    public void deliver(String eventId) {
        Optional<StoredEvent> found = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, event_type, payload, occurred_at, completed_at FROM event_outbox WHERE id = :id")
                .bind("id", eventId)
                .map((rs, ctx) -> new StoredEvent(rs.getString("id"), rs.getString("event_type"), rs.getString("payload"),
                        Instant.ofEpochMilli(rs.getLong("occurred_at")), rs.getObject("completed_at") != null))
                .findOne());
        if (found.isEmpty() || found.get().completed()) {
            return;
        }
        StoredEvent event = found.get();
        List<Contribution<EventListener<Event>>> listeners = listenersOf(event.type());
        boolean allSettled = true;
        for (Contribution<EventListener<Event>> listener : listeners) {
            allSettled &= deliverTo(event, listener);
        }
        if (allSettled) {
            jdbi.useHandle(h -> h.createUpdate(
                            "UPDATE event_outbox SET completed_at = :now WHERE id = :id AND completed_at IS NULL")
                    .bind("now", clock.instant()).bind("id", event.id()).execute());
        }
    }

    /** Whether the delivery to this listener is settled (delivered or given up). */
    private boolean deliverTo(StoredEvent event, Contribution<EventListener<Event>> listener) {
        String key = listener.pluginId() + ":" + listener.extension().getClass().getName();
        Instant now = clock.instant();
        Delivery delivery = jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO event_delivery (event_id, listener_key, status, attempts, next_attempt_at) "
                            + "VALUES (:id, :key, 'PENDING', 0, :now) ON CONFLICT (event_id, listener_key) DO NOTHING")
                    .bind("id", event.id()).bind("key", key).bind("now", now).execute();
            return h.createQuery("SELECT status, attempts, next_attempt_at FROM event_delivery "
                            + "WHERE event_id = :id AND listener_key = :key")
                    .bind("id", event.id()).bind("key", key)
                    .map((rs, ctx) -> new Delivery(rs.getString("status"), rs.getInt("attempts"),
                            Instant.ofEpochMilli(rs.getLong("next_attempt_at"))))
                    .one();
        });
        if (!delivery.status().equals("PENDING")) {
            return true;
        }
        if (delivery.nextAttemptAt().isAfter(now)) {
            return false;
        }
        int attempt = delivery.attempts() + 1;
        int claimed = jdbi.withHandle(h -> h.createUpdate("UPDATE event_delivery SET attempts = :attempt, "
                        + "next_attempt_at = :inFlightUntil WHERE event_id = :id AND listener_key = :key "
                        + "AND status = 'PENDING' AND attempts = :seen AND next_attempt_at <= :now")
                .bind("attempt", attempt).bind("inFlightUntil", now.plus(retry.inFlightTimeout()))
                .bind("id", event.id()).bind("key", key).bind("seen", delivery.attempts()).bind("now", now)
                .execute());
        if (claimed == 0) {
            return false; // another host or thread took this attempt
        }
        try {
            Event decoded = json.readValue(event.payload(), listener.extension().eventType());
            listener.extension().on(decoded, new EventMetadata(event.id(), event.occurredAt(), attempt));
            record(event.id(), key, "DELIVERED", null, clock.instant());
            return true;
        } catch (Exception | LinkageError e) {
            boolean givingUp = attempt >= retry.maxAttempts();
            LOG.error("Plugin '{}': listener {} failed on event {} ({}), attempt {} of {}{}", listener.pluginId(),
                    listener.extension().getClass().getName(), event.id(), event.type(), attempt, retry.maxAttempts(),
                    givingUp ? "; giving up" : "; will retry", e);
            Instant failedAt = clock.instant();
            record(event.id(), key, givingUp ? "FAILED" : "PENDING", describe(e),
                    givingUp ? failedAt : failedAt.plus(retry.delayAfter(attempt)));
            return givingUp;
        }
    }

    private void record(String eventId, String key, String status, String error, Instant nextAttemptAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE event_delivery SET status = :status, last_error = :error, "
                        + "next_attempt_at = :next WHERE event_id = :id AND listener_key = :key")
                .bind("status", status).bind("error", error).bind("next", nextAttemptAt)
                .bind("id", eventId).bind("key", key).execute());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Contribution<EventListener<Event>>> listenersOf(String eventType) {
        List<Contribution<EventListener<Event>>> matching = new ArrayList<>();
        for (Contribution contribution : extensions.of(EventListener.class)) {
            EventListener<Event> listener = (EventListener<Event>) contribution.extension();
            if (types.nameOf(listener.eventType()).equals(eventType)) {
                matching.add(contribution);
            }
        }
        return matching;
    }

    private void deliverQuietly(String eventId) {
        try {
            deliver(eventId);
        } catch (RuntimeException e) {
            LOG.error("Delivering event {} failed; the next sweep tries again", eventId, e);
        }
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getName() + ": " + e.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private record StoredEvent(String id, String type, String payload, Instant occurredAt, boolean completed) {
    }

    private record Delivery(String status, int attempts, Instant nextAttemptAt) {
    }
}
