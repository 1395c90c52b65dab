package org.kontor.host.billing.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code invoice_delivery} table (V14). A row is added with {@code ON CONFLICT DO NOTHING} on (document, channel,
 * round), so of two callers racing to deliver the same document only one adds it; every later change is a conditional
 * UPDATE on the state it expects.
 */
final class DeliveryLog {

    private static final String COLUMNS = "id, invoice_id, channel, round, recipient, provider, state, attempts, "
            + "last_error, mail_id, provider_reference, created_at, updated_at, sent_at";
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Jdbi jdbi;

    DeliveryLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A row to be added. */
    record NewRow(String invoiceId, DeliveryChannel channel, int round, String recipient, String provider,
                  DeliveryState state, String error) {

        String newId() {
            return UUID.randomUUID().toString();
        }
    }

    /**
     * Adds the row in the caller's transaction.
     *
     * @return its id, or empty when the document already has a row for the channel and round
     */
    Optional<String> insert(Handle h, NewRow row, long now) {
        String id = row.newId();
        int added = h.createUpdate("INSERT INTO invoice_delivery (id, invoice_id, channel, round, recipient, provider, "
                        + "state, attempts, last_error, next_attempt_at, created_at, updated_at) VALUES (:id, :invoice, "
                        + ":channel, :round, :recipient, :provider, :state, 0, :error, :now, :now, :now) "
                        + "ON CONFLICT (invoice_id, channel, round) DO NOTHING")
                .bind("id", id).bind("invoice", row.invoiceId()).bind("channel", row.channel().name())
                .bind("round", row.round()).bind("recipient", row.recipient()).bind("provider", row.provider())
                .bind("state", row.state().name()).bind("error", truncate(row.error())).bind("now", now)
                .execute();
        return added == 1 ? Optional.of(id) : Optional.empty();
    }

    void linkMail(Handle h, String id, String mailId) {
        h.createUpdate("UPDATE invoice_delivery SET mail_id = :mail WHERE id = :id")
                .bind("mail", mailId).bind("id", id).execute();
    }

    /** Marks a queued row failed or skipped for good, e.g. when its address is unusable. */
    void close(Handle h, String id, DeliveryState state, String error, long now) {
        h.createUpdate("UPDATE invoice_delivery SET state = :state, last_error = :error, updated_at = :now "
                        + "WHERE id = :id AND state = 'QUEUED'")
                .bind("state", state.name()).bind("error", truncate(error)).bind("now", now).bind("id", id).execute();
    }

    boolean exists(String invoiceId, DeliveryChannel channel, int round) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM invoice_delivery WHERE invoice_id = :invoice "
                        + "AND channel = :channel AND round = :round")
                .bind("invoice", invoiceId).bind("channel", channel.name()).bind("round", round)
                .mapTo(Integer.class).one() > 0);
    }

    int nextRound(String invoiceId, DeliveryChannel channel) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(round), -1) + 1 FROM invoice_delivery "
                        + "WHERE invoice_id = :invoice AND channel = :channel")
                .bind("invoice", invoiceId).bind("channel", channel.name()).mapTo(Integer.class).one());
    }

    Optional<DeliveryLogEntry> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM invoice_delivery WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> entry(rs)).findOne());
    }

    /** A document's deliveries, oldest first. */
    List<DeliveryLogEntry> of(String invoiceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM invoice_delivery "
                        + "WHERE invoice_id = :invoice ORDER BY round, channel, created_at")
                .bind("invoice", invoiceId).map((rs, ctx) -> entry(rs)).list());
    }

    /** Issued documents since {@code since} that have no delivery after issuing yet, oldest first. */
    List<String> undelivered(long since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT i.id FROM invoice i WHERE i.state <> 'DRAFT' "
                        + "AND i.issued_at >= :since AND NOT EXISTS (SELECT 1 FROM invoice_delivery d "
                        + "WHERE d.invoice_id = i.id AND d.channel = 'EMAIL' AND d.round = 0) "
                        + "ORDER BY i.issued_at, i.id LIMIT " + limit)
                .bind("since", since).mapTo(String.class).list());
    }

    /** Letters waiting for their next attempt, optionally of one document. */
    List<DeliveryLogEntry> dueLetters(String invoiceId, long now, int limit) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM invoice_delivery WHERE channel = 'POST' "
                    + "AND state = 'QUEUED' AND next_attempt_at <= :now"
                    + (invoiceId == null ? "" : " AND invoice_id = :invoice")
                    + " ORDER BY next_attempt_at, id LIMIT " + limit).bind("now", now);
            if (invoiceId != null) {
                query.bind("invoice", invoiceId);
            }
            return query.map((rs, ctx) -> entry(rs)).list();
        });
    }

    /**
     * Takes one attempt at a letter: still queued, due and at the attempt count seen; pushes the next attempt to the end
     * of the in-flight time, so that two hosts never post the same attempt.
     */
    boolean claim(String id, int seenAttempts, long now, long inFlightUntil) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE invoice_delivery SET attempts = :attempt, "
                        + "next_attempt_at = :until, updated_at = :now WHERE id = :id AND state = 'QUEUED' "
                        + "AND attempts = :seen AND next_attempt_at <= :now")
                .bind("attempt", seenAttempts + 1).bind("until", inFlightUntil).bind("now", now).bind("id", id)
                .bind("seen", seenAttempts).execute() == 1);
    }

    /** Records an attempt's outcome, unless the attempt was taken over meanwhile. */
    boolean finish(String id, int attempt, DeliveryState state, String error, String reference, Long nextAttemptAt,
                   long now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE invoice_delivery SET state = :state, last_error = :error, "
                        + "provider_reference = COALESCE(:reference, provider_reference), next_attempt_at = :next, "
                        + "updated_at = :now, sent_at = :sentAt WHERE id = :id AND state = 'QUEUED' AND attempts = :attempt")
                .bind("state", state.name()).bind("error", truncate(error)).bind("reference", reference)
                .bind("next", nextAttemptAt).bind("now", now)
                .bind("sentAt", state == DeliveryState.SENT ? Long.valueOf(now) : null)
                .bind("id", id).bind("attempt", attempt).execute() == 1);
    }

    /**
     * Copies what the mail sender recorded onto the queued e-mail rows (optionally of one document): attempts and last
     * error while it retries, then SENT or FAILED.
     *
     * @return the rows that reached SENT or FAILED
     */
    int followMail(String invoiceId, long now) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT d.id, m.status, m.attempts, m.last_error, m.sent_at "
                    + "FROM invoice_delivery d JOIN mail_queue m ON m.id = d.mail_id "
                    + "WHERE d.channel = 'EMAIL' AND d.state = 'QUEUED'"
                    + (invoiceId == null ? "" : " AND d.invoice_id = :invoice"));
            if (invoiceId != null) {
                query.bind("invoice", invoiceId);
            }
            List<MailState> states = query
                    .map((rs, ctx) -> new MailState(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            nullableLong(rs, 5)))
                    .list();
            int finished = 0;
            for (MailState mail : states) {
                h.createUpdate("UPDATE invoice_delivery SET state = :state, attempts = :attempts, last_error = :error, "
                                + "sent_at = :sentAt, updated_at = :now WHERE id = :id AND state = 'QUEUED'")
                        .bind("state", mail.status()).bind("attempts", mail.attempts())
                        .bind("error", truncate(mail.error())).bind("sentAt", mail.sentAt()).bind("now", now)
                        .bind("id", mail.id()).execute();
                if (!"QUEUED".equals(mail.status())) {
                    finished++;
                }
            }
            return finished;
        });
    }

    private record MailState(String id, String status, int attempts, String error, Long sentAt) {
    }

    private static DeliveryLogEntry entry(ResultSet rs) throws SQLException {
        return new DeliveryLogEntry(rs.getString("id"), rs.getString("invoice_id"),
                DeliveryChannel.valueOf(rs.getString("channel")), rs.getInt("round"), rs.getString("recipient"),
                rs.getString("provider"), DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("mail_id"), rs.getString("provider_reference"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "sent_at"));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
