package org.kontor.api.event;

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
}
