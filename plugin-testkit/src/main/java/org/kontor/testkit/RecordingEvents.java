package org.kontor.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.kontor.api.event.Event;
import org.kontor.api.event.EventPublisher;

/**
 * An event publisher that keeps what was published. An event published in a transaction counts only
 * once that transaction commits, as with the host's outbox.
 */
public final class RecordingEvents implements EventPublisher {

    private final List<Event> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Handle transaction, Event event) {
        if (transaction.isInTransaction()) {
            transaction.afterCommit(() -> published.add(event));
        } else {
            published.add(event);
        }
    }

    @Override
    public void publish(Event event) {
        published.add(event);
    }

    public List<Event> published() {
        return List.copyOf(published);
    }
}
