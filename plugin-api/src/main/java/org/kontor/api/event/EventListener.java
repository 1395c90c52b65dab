package org.kontor.api.event;

import org.pf4j.ExtensionPoint;

/**
 * Reacts to one type of event after the transaction that published it committed. A listener that throws
 * is logged against its plugin and called again later with the same event (with back-off), so it must be
 * idempotent: use {@link EventMetadata#eventId()} to recognise a repeat. It never breaks the publisher.
 *
 * @param <E> the event type
 */
public interface EventListener<E extends Event> extends ExtensionPoint {

    /** The event type this listener takes. */
    Class<E> eventType();

    void on(E event, EventMetadata metadata) throws Exception;
}
