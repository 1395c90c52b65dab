package org.kontor.host.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.kontor.api.event.Event;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.PreparedEvent;
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
    private final StatementPerConnection statements = new StatementPerConnection(INSERT);

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
        publish(transaction, prepare(event));
    }

    /** The event's id and JSON, made outside any transaction. */
    @Override
    public PreparedEvent prepare(Event event) {
        Objects.requireNonNull(event, "event");
        return new OutboxRow(ids.generate().toString(), event, toJson(event));
    }

    @Override
    public void publish(Handle transaction, PreparedEvent event) {
        publishAll(transaction, List.of(event));
    }

    /** Writes the events with one batch of inserts: on PostgreSQL one round trip, however many they are. */
    @Override
    public void publishAll(Handle transaction, List<? extends PreparedEvent> events) {
        Objects.requireNonNull(transaction, "transaction");
        if (events.isEmpty()) {
            return;
        }
        List<OutboxRow> rows = new ArrayList<>(events.size());
        for (PreparedEvent event : events) {
            Objects.requireNonNull(event, "event");
            rows.add(event instanceof OutboxRow own ? own : (OutboxRow) prepare(event.event()));
        }
        // Plain JDBC on a statement kept per connection: the outbox insert runs with every published event, often
        // in a hot transaction (a prepaid capture), where Jdbi's per-statement work and, on SQLite, compiling the
        // statement anew cost more than the insert itself.
        PreparedStatement insert = null;
        try {
            insert = statements.of(transaction.getConnection());
            long now = clock.millis();
            for (OutboxRow row : rows) {
                insert.setString(1, row.id());
                insert.setString(2, row.event().type());
                insert.setString(3, row.payload());
                insert.setLong(4, now);
                if (rows.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (rows.size() > 1) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            clearBatch(insert);
            throw new UnableToExecuteStatementException("could not write event " + rows.get(0).event().type()
                    + (rows.size() > 1 ? " and " + (rows.size() - 1) + " more" : "") + " to the outbox", e, null);
        }
        for (OutboxRow row : rows) {
            if (transaction.isInTransaction()) {
                transaction.afterCommit(() -> handOver(row.id()));
            } else {
                handOver(row.id()); // auto-commit: the row is already committed
            }
        }
    }

    /** Drops what a failed batch left queued, so that the kept statement starts empty next time. */
    private static void clearBatch(PreparedStatement insert) {
        if (insert == null) {
            return;
        }
        try {
            insert.clearBatch();
        } catch (SQLException e) {
            LOG.debug("Could not clear the outbox insert's batch", e);
        }
    }

    /** An event with the id and JSON its outbox row gets. */
    private record OutboxRow(String id, Event event, String payload) implements PreparedEvent {
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
