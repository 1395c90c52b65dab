package org.kontor.plugins.verification.sandbox;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.PluginContext;

/** The table of text messages the sandbox took, {@code verification_sandbox_message}. */
public final class SandboxOutbox {

    private final Jdbi jdbi;
    private final String table;

    public SandboxOutbox(PluginContext context) {
        this.jdbi = context.jdbi();
        this.table = context.tablePrefix() + "message";
    }

    /** The latest messages, newest first. */
    public List<SandboxMessage> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT idempotency_key, phone_number, text, state, created_at FROM "
                        + table + " ORDER BY created_at DESC, idempotency_key DESC")
                .setMaxRows(limit)
                .map((rs, ctx) -> new SandboxMessage(rs.getString("idempotency_key"), rs.getString("phone_number"),
                        rs.getString("text"), rs.getString("state"), java.time.Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }

    /** The message taken under this key. */
    public Optional<SandboxMessage> find(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT idempotency_key, phone_number, text, state, created_at FROM "
                        + table + " WHERE idempotency_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> new SandboxMessage(rs.getString("idempotency_key"), rs.getString("phone_number"),
                        rs.getString("text"), rs.getString("state"), java.time.Instant.ofEpochMilli(rs.getLong("created_at"))))
                .findOne());
    }

    /** Keeps the message unless one was taken under its key already; answers the one kept. */
    SandboxMessage keep(SandboxMessage message) {
        Optional<SandboxMessage> earlier = find(message.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO " + table + " (idempotency_key, phone_number, text, state, "
                            + "created_at) VALUES (:key, :number, :text, :state, :at)")
                    .bind("key", message.idempotencyKey()).bind("number", message.phoneNumber())
                    .bind("text", message.text()).bind("state", message.state())
                    .bind("at", message.createdAt().toEpochMilli()).execute());
            return message;
        } catch (RuntimeException e) {
            // the same key sent at the same moment from elsewhere: that one counts
            return find(message.idempotencyKey()).orElseThrow(() -> e);
        }
    }
}
