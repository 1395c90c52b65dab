package org.kontor.api.event;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Publishes events through the outbox: nothing is delivered unless the publishing transaction commits,
 * and nothing that committed is lost.
 */
public interface EventPublisher {

    /** Writes the event in the caller's transaction; it is delivered after that transaction commits. */
    void publish(Handle transaction, Event event);

    /** Writes the event in a transaction of its own and delivers it after that commits. */
    void publish(Event event);

    /**
     * Does the part of publishing that needs no transaction (the event's id and JSON), so that a caller can
     * do it before a transaction it shares with others. A publisher that has nothing to do ahead returns the
     * event as it is.
     *
     * @since 1.8.0
     */
    default PreparedEvent prepare(Event event) {
        return () -> event;
    }

    /**
     * Writes a prepared event in the caller's transaction, as {@link #publish(Handle, Event)} writes an event.
     *
     * @since 1.8.0
     */
    default void publish(Handle transaction, PreparedEvent event) {
        publish(transaction, event.event());
    }

    /**
     * Writes prepared events in the caller's transaction, in their order, as one call of
     * {@link #publish(Handle, PreparedEvent)} per event would: for a transaction that publishes many, a publisher
     * may write them with fewer statements.
     *
     * @since 1.9.0
     */
    default void publishAll(Handle transaction, List<? extends PreparedEvent> events) {
        for (PreparedEvent event : events) {
            publish(transaction, event);
        }
    }
}
