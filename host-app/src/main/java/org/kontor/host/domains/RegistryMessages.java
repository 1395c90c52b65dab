package org.kontor.host.domains;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.kontor.api.registry.RegistryMessage;

/**
 * The table {@code registry_message}: every poll message received, whether it was applied and acknowledged.
 * The message id is stored before anything is applied; a message whose {@code applied_at} is set is never
 * applied again, however often the registry delivers it.
 */
public final class RegistryMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 2000;

    private final Jdbi jdbi;
    private final Clock clock;

    public RegistryMessages(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A stored message. */
    public record Stored(String registryId, String messageId, String kind, String domain, String text,
                         Map<String, String> data, Instant queuedAt, Instant receivedAt, Instant appliedAt,
                         String outcome, Instant acknowledgedAt) {

        public boolean applied() {
            return appliedAt != null;
        }
    }

    /**
     * Stores a message unless its id is stored already, and returns the stored row.
     */
    public Stored receive(String registryId, RegistryMessage message) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO registry_message (registry_id, message_id, kind, domain, text, data, "
                        + "queued_at, received_at) VALUES (:registry, :id, :kind, :domain, :text, :data, :queued, :now) "
                        + "ON CONFLICT (registry_id, message_id) DO NOTHING")
                .bind("registry", registryId).bind("id", message.id()).bind("kind", message.kind())
                .bind("domain", message.domain() == null ? null : message.domain().ascii())
                .bind("text", truncate(message.text())).bind("data", json(message.data()))
                .bind("queued", message.queuedAt() == null ? null : message.queuedAt().toEpochMilli())
                .bind("now", clock.millis()).execute());
        return find(registryId, message.id()).orElseThrow();
    }

    /**
     * Marks a message applied inside the caller's transaction.
     *
     * @return false when it was applied already (the caller's transaction must then change nothing)
     */
    public boolean markApplied(Handle h, String registryId, String messageId, String outcome) {
        return h.createUpdate("UPDATE registry_message SET applied_at = :now, outcome = :outcome "
                        + "WHERE registry_id = :registry AND message_id = :id AND applied_at IS NULL")
                .bind("now", clock.millis()).bind("outcome", truncate(outcome)).bind("registry", registryId)
                .bind("id", messageId).execute() == 1;
    }

    /** {@link #markApplied(Handle, String, String, String)} in a transaction of its own. */
    public boolean markAppliedAlone(String registryId, String messageId, String outcome) {
        return jdbi.inTransaction(h -> markApplied(h, registryId, messageId, outcome));
    }

    public void markAcknowledged(String registryId, String messageId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE registry_message SET acknowledged_at = :now "
                        + "WHERE registry_id = :registry AND message_id = :id")
                .bind("now", clock.millis()).bind("registry", registryId).bind("id", messageId).execute());
    }

    public Optional<Stored> find(String registryId, String messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM registry_message WHERE registry_id = :registry "
                        + "AND message_id = :id").bind("registry", registryId).bind("id", messageId)
                .map(RegistryMessages::map).findOne());
    }

    /** The latest messages, newest first, for the operator. */
    public List<Stored> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM registry_message ORDER BY received_at DESC, message_id "
                + "LIMIT :limit").bind("limit", limit).map(RegistryMessages::map).list());
    }

    private static String json(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Stored map(ResultSet rs, StatementContext ctx) throws SQLException {
        Map<String, String> data;
        try {
            data = JSON.readValue(rs.getString("data"), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            data = Map.of();
        }
        return new Stored(rs.getString("registry_id"), rs.getString("message_id"), rs.getString("kind"),
                rs.getString("domain"), rs.getString("text"), data, instant(rs, "queued_at"),
                Instant.ofEpochMilli(rs.getLong("received_at")), instant(rs, "applied_at"), rs.getString("outcome"),
                instant(rs, "acknowledged_at"));
    }
}
