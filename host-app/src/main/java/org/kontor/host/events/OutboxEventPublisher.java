package org.kontor.host.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.kontor.api.event.Event;
import org.kontor.api.event.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events to {@code event_outbox} in the caller's transaction and hands their ids to the dispatcher
 * once that transaction commits. An event of a rolled-back transaction never existed; one whose
 * after-commit hand-over is lost (the host stops) is picked up by the dispatcher's next sweep.
 */
public final class OutboxEventPublisher implements EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxEventPublisher.class);

    private static final String INSERT = "INSERT INTO event_outbox (id, event_type, payload, occurred_at) VALUES (?, ?, ?, ?)";

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Clock clock;
    private final Consumer<String> onCommitted;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    /**
     * @param onCommitted called with the event id after the publishing transaction commits, usually
     *                    {@link EventDispatcher#deliverLater}; it must not block
     */
    public OutboxEventPublisher(Jdbi jdbi, ObjectMapper json, Clock clock, Consumer<String> onCommitted) {
        this.jdbi = jdbi;
        this.json = json;
        this.clock = clock;
        this.onCommitted = onCommitted;
    }

    @Override
    public void publish(Handle transaction, Event event) {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(event, "event");
        String id = ids.generate().toString();
        String payload = toJson(event);
        // Plain JDBC: the outbox insert runs with every published event, often in a hot transaction (a prepaid
        // capture), and Jdbi's per-statement parsing and argument lookup cost more than the insert itself.
        try (PreparedStatement insert = transaction.getConnection().prepareStatement(INSERT)) {
            insert.setString(1, id);
            insert.setString(2, event.type());
            insert.setString(3, payload);
            insert.setLong(4, clock.millis());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("could not write event " + event.type() + " to the outbox", e, null);
        }
        if (transaction.isInTransaction()) {
            transaction.afterCommit(() -> handOver(id));
        } else {
            handOver(id); // auto-commit: the row is already committed
        }
    }

    @Override
    public void publish(Event event) {
        jdbi.useTransaction(handle -> publish(handle, event));
    }

    private String toJson(Event event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.type() + " cannot be written as JSON", e);
        }
    }

    private void handOver(String eventId) {
        try {
            onCommitted.accept(eventId);
        } catch (RuntimeException e) {
            // The caller's transaction committed; the dispatcher's sweep delivers the event later.
            LOG.warn("Could not hand event {} to the dispatcher; it is delivered by the next sweep", eventId, e);
        }
    }
}
