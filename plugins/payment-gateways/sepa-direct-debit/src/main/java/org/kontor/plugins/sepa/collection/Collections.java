package org.kontor.plugins.sepa.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.plugins.sepa.SepaException;
import org.kontor.plugins.sepa.mandate.Mandate;
import org.kontor.plugins.sepa.mandate.Mandates;
import org.kontor.plugins.sepa.mandate.SequenceType;

/** The collections: one per idempotency key, its sequence type decided under the mandate's lock. */
public final class Collections {

    public static final Currency EUR = Currency.getInstance("EUR");
    private static final String COLUMNS = "id, idempotency_key, end_to_end_id, mandate_id, customer_id, amount_minor, "
            + "sequence_type, due_date, state, reference, description, prenotified_at, file_id, reason_code, created_at";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Mandates mandates;

    public Collections(Jdbi jdbi, Clock clock, Mandates mandates) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.mandates = mandates;
    }

    /** A collection and its mandate; {@code created} is false when the key had been recorded before. */
    public record Recorded(Collection collection, Mandate mandate, boolean created) {
    }

    /**
     * Records a collection of {@code amount} from the customer's active mandate, due on {@code dueDate}. The same key
     * again answers the collection recorded first; a second collection under a one-off mandate, or one after the
     * final one, finds no active mandate.
     *
     * @param finalCollection whether this is the last collection under a recurring mandate (FNAL)
     */
    public Recorded record(IdempotencyKey key, String customerId, Money amount, String reference, String description,
                           LocalDate dueDate, boolean finalCollection) {
        if (!amount.currency().equals(EUR)) {
            throw SepaException.conflict("SEPA direct debits are in EUR only, not " + amount.currencyCode());
        }
        Optional<Recorded> earlier = byKey(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return jdbi.inTransaction(h -> {
                Mandate mandate = mandates.activeOf(h, customerId)
                        .orElseThrow(() -> SepaException.notFound("the customer has no active SEPA mandate"));
                if (!mandates.lockActive(h, mandate.id())) {
                    throw SepaException.conflict("the mandate was revoked meanwhile");
                }
                Optional<Collection> again = byKey(h, key.value());
                if (again.isPresent()) {
                    return new Recorded(again.get(), mandate, false);
                }
                SequenceType sequence = sequence(h, mandate, finalCollection);
                Instant now = clock.instant();
                Collection collection = new Collection(UUID.randomUUID().toString(), key.value(), EndToEndIds.of(key),
                        mandate.id(), customerId, amount, sequence, dueDate, CollectionState.PENDING, reference,
                        description, null, null, null, now);
                h.createUpdate("INSERT INTO payment_sepa_collection (" + COLUMNS + ", currency) VALUES (:id, :key, :e2e, "
                                + ":mandate, :customer, :amount, :sequence, :due, 'PENDING', :reference, :description, "
                                + "NULL, NULL, NULL, :createdAt, 'EUR')")
                        .bind("id", collection.id()).bind("key", key.value()).bind("e2e", collection.endToEndId())
                        .bind("mandate", mandate.id()).bind("customer", customerId)
                        .bind("amount", amount.toMinorUnits()).bind("sequence", sequence.name())
                        .bind("due", dueDate.toString()).bind("reference", reference)
                        .bind("description", description).bind("createdAt", now.toEpochMilli()).execute();
                if (sequence == SequenceType.OOFF || sequence == SequenceType.FNAL) {
                    mandates.close(h, mandate.id(), now);
                }
                return new Recorded(collection, mandate, true);
            });
        } catch (RuntimeException e) {
            // Two calls with one key at once: the loser's insert breaks the unique key; answer the winner's record.
            Optional<Recorded> winner = byKey(key);
            if (winner.isPresent()) {
                return winner.get();
            }
            throw e;
        }
    }

    /**
     * FRST for the first collection under a recurring mandate, and again after every earlier one was returned;
     * RCUR (or FNAL when asked) after that; OOFF for a one-off mandate.
     */
    private static SequenceType sequence(Handle h, Mandate mandate, boolean finalCollection) {
        if (!mandate.recurring()) {
            return SequenceType.OOFF;
        }
        long standing = h.createQuery("SELECT COUNT(*) FROM payment_sepa_collection WHERE mandate_id = :mandate "
                + "AND state <> 'RETURNED'").bind("mandate", mandate.id()).mapTo(Long.class).one();
        if (standing == 0) {
            return SequenceType.FRST;
        }
        return finalCollection ? SequenceType.FNAL : SequenceType.RCUR;
    }

    public Optional<Recorded> byKey(IdempotencyKey key) {
        return jdbi.withHandle(h -> byKey(h, key.value())
                .map(c -> new Recorded(c, mandates.find(h, c.mandateId()).orElseThrow(), false)));
    }

    public Optional<Collection> byEndToEndId(Handle h, String endToEndId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_sepa_collection WHERE end_to_end_id = :e2e")
                .bind("e2e", endToEndId).map(Collections::map).findOne();
    }

    private Optional<Collection> byKey(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_sepa_collection WHERE idempotency_key = :key")
                .bind("key", key).map(Collections::map).findOne();
    }

    /** PENDING collections due on or before {@code until}, oldest due date first. */
    public List<Collection> pendingDueBy(Handle h, LocalDate until) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_sepa_collection WHERE state = 'PENDING' "
                        + "AND due_date <= :until ORDER BY due_date, created_at, id")
                .bind("until", until.toString()).map(Collections::map).list();
    }

    public List<Collection> list(CollectionState state, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM payment_sepa_collection "
                        + (state == null ? "" : "WHERE state = :state ") + "ORDER BY created_at DESC, id LIMIT :limit")
                .bind("state", state == null ? null : state.name()).bind("limit", limit).map(Collections::map).list());
    }

    /** Marks the collection pre-notified; true only for the one caller that changed it. */
    public boolean claimPrenotification(String id, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE payment_sepa_collection SET prenotified_at = :at "
                + "WHERE id = :id AND prenotified_at IS NULL").bind("at", at.toEpochMilli()).bind("id", id).execute()) == 1;
    }

    /** Undoes a claim whose notice could not be queued, so that a later run sends it. */
    public void releasePrenotification(String id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE payment_sepa_collection SET prenotified_at = NULL WHERE id = :id")
                .bind("id", id).execute());
    }

    static Collection map(ResultSet rs, StatementContext ctx) throws SQLException {
        long prenotified = rs.getLong("prenotified_at");
        boolean prenotifiedNull = rs.wasNull();
        return new Collection(rs.getString("id"), rs.getString("idempotency_key"), rs.getString("end_to_end_id"),
                rs.getString("mandate_id"), rs.getString("customer_id"), Money.ofMinor(rs.getLong("amount_minor"), EUR),
                SequenceType.valueOf(rs.getString("sequence_type")), LocalDate.parse(rs.getString("due_date")),
                CollectionState.valueOf(rs.getString("state")), rs.getString("reference"), rs.getString("description"),
                prenotifiedNull ? null : Instant.ofEpochMilli(prenotified), rs.getString("file_id"),
                rs.getString("reason_code"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
