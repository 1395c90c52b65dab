package org.kontor.host.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Notes staff write on a customer: kept with their author and time, shown newest first. */
public final class CustomerNotes {

    /** Longest note kept, in characters. */
    public static final int MAX_LENGTH = 4000;

    private final Jdbi jdbi;
    private final Clock clock;

    public record Note(String id, String customerId, String author, String body, Instant createdAt) {
    }

    public CustomerNotes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Note add(String customerId, String author, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a note has 1 to " + MAX_LENGTH + " characters");
        }
        Note note = new Note(UUID.randomUUID().toString(), customerId, author, text, clock.instant());
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO customer_note (id, customer_id, author, body, created_at)
                        VALUES (:id, :customer, :author, :body, :at)""")
                .bind("id", note.id()).bind("customer", customerId).bind("author", author).bind("body", text)
                .bind("at", note.createdAt().toEpochMilli()).execute());
        return note;
    }

    public List<Note> of(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, customer_id, author, body, created_at FROM customer_note
                        WHERE customer_id = :customer ORDER BY created_at DESC, id""")
                .bind("customer", customerId)
                .map((rs, statement) -> new Note(rs.getString("id"), rs.getString("customer_id"), rs.getString("author"),
                        rs.getString("body"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }
}
