package org.kontor.api.event;

/**
 * A fact that happened in Kontor, as a record. Events are stored in the outbox as JSON under
 * {@link #type()} and delivered to listeners after the transaction that published them commits.
 */
public interface Event {

    /** The stored name of this event type; the simple class name unless overridden. */
    default String type() {
        return getClass().getSimpleName();
    }
}
