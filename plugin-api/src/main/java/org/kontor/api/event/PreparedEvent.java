package org.kontor.api.event;

/**
 * An event made ready for the outbox before the transaction that publishes it: the publisher has done
 * everything that needs no transaction (its id, its JSON). A caller whose transaction is shared or hot —
 * a prepaid capture, committed together with others — prepares its event first and publishes it inside.
 * Publish a prepared event at most once in a transaction that commits.
 *
 * @since 1.8.0
 */
public interface PreparedEvent {

    /** The event as it was given to {@link EventPublisher#prepare}. */
    Event event();
}
