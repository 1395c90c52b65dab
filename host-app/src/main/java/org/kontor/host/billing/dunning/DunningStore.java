package org.kontor.host.billing.dunning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.database.Dialect;

/** The dunning tables (V17): runs, their results per invoice, and the levels each invoice has reached. */
public final class DunningStore {

    /** An overdue, unpaid invoice a run looks at. */
    public record Candidate(String invoiceId, String customerId) {
    }

    /** Longer than any run takes. */
    static final Duration INTERRUPTED_AFTER = Duration.ofHours(6);

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;

    public DunningStore(Jdbi jdbi, Dialect dialect, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * Invoices (the series, not credit notes or settlements) of a customer that are issued or partly paid and whose
     * due date is before {@code today}, by customer, then due date.
     */
    public List<Candidate> overdue(LocalDate today) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, customer_id FROM invoice WHERE series = 'INVOICE' "
                        + "AND state IN ('ISSUED', 'PARTIALLY_PAID') AND customer_id IS NOT NULL AND due_date < :today "
                        + "ORDER BY customer_id, due_date, number")
                .bind("today", today.toString())
                .map((rs, ctx) -> new Candidate(rs.getString("id"), rs.getString("customer_id"))).list());
    }

    /** The levels the invoice has reached, in order. */
    public List<LevelRecord> history(String invoiceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT invoice_id, level, run_id, currency, outstanding_minor, "
                        + "fee_minor, interest_minor, interest_from, interest_to, sent_on FROM dunning_level "
                        + "WHERE invoice_id = :id").bind("id", invoiceId)
                .map((rs, ctx) -> level(rs)).list()
                .stream().sorted(Comparator.comparing(LevelRecord::level)).toList());
    }

    /**
     * Whether the invoice is still issued or partly paid with {@code paidMinor} paid, locking its row (PostgreSQL)
     * until the transaction ends, so that a payment recorded meanwhile waits for the notice or the notice sees it.
     */
    boolean stillUnpaid(Handle h, String invoiceId, long paidMinor) {
        return h.createQuery("SELECT state, paid_minor FROM invoice WHERE id = :id" + dialect.forUpdate())
                .bind("id", invoiceId)
                .map((rs, ctx) -> ("ISSUED".equals(rs.getString("state")) || "PARTIALLY_PAID".equals(rs.getString("state")))
                        && rs.getLong("paid_minor") == paidMinor)
                .findOne().orElse(false);
    }

    /**
     * Records the level unless the invoice has it already (the key is invoice and level; a second run at the same
     * time inserts nothing).
     *
     * @return whether this call recorded it
     */
    boolean record(Handle h, String runId, InvoicePlan plan, LocalDate today) {
        return h.createUpdate("INSERT INTO dunning_level (invoice_id, level, customer_id, run_id, currency, "
                        + "outstanding_minor, fee_minor, interest_minor, interest_rate, interest_from, interest_to, sent_on, "
                        + "created_at) VALUES (:invoice, :level, :customer, :run, :currency, :outstanding, :fee, :interest, "
                        + ":rate, :from, :to, :today, :now) ON CONFLICT (invoice_id, level) DO NOTHING")
                .bind("invoice", plan.invoice().id()).bind("level", plan.level().name())
                .bind("customer", plan.invoice().customerId()).bind("run", runId)
                .bind("currency", plan.invoice().currency().getCurrencyCode())
                .bind("outstanding", plan.outstanding().toMinorUnits())
                .bind("fee", plan.fee().toMinorUnits()).bind("interest", plan.interest().toMinorUnits())
                .bind("rate", plan.interestRate().toPlainString()).bind("from", plan.interestFrom().toString())
                .bind("to", today.toString()).bind("today", today.toString()).bind("now", clock.millis())
                .execute() == 1;
    }

    void mailSent(Handle h, String runId, String customerId, String mailId) {
        h.createUpdate("UPDATE dunning_level SET mail_id = :mail WHERE run_id = :run AND customer_id = :customer")
                .bind("mail", mailId).bind("run", runId).bind("customer", customerId).execute();
    }

    /**
     * Stores a new run. A run still RUNNING after {@link #INTERRUPTED_AFTER} was cut off (its host stopped); it is marked
     * FAILED, while what it recorded stays.
     */
    void startRun(String id, LocalDate asOf) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE dunning_run SET state = 'FAILED', error = 'interrupted', finished_at = :now "
                            + "WHERE state = 'RUNNING' AND started_at < :before")
                    .bind("now", now).bind("before", now - INTERRUPTED_AFTER.toMillis()).execute();
            h.createUpdate("INSERT INTO dunning_run (id, state, as_of, started_at) VALUES (:id, 'RUNNING', :asOf, :now)")
                    .bind("id", id).bind("asOf", asOf.toString()).bind("now", now).execute();
        });
    }

    void total(String id, int total) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dunning_run SET total = :total WHERE id = :id")
                .bind("total", total).bind("id", id).execute());
    }

    /** Adds results and counts them as looked at, in the caller's transaction. */
    void results(Handle h, String runId, List<InvoiceResult> results, int mails) {
        for (InvoiceResult result : results) {
            h.createUpdate("INSERT INTO dunning_run_item (run_id, invoice_id, invoice_number, customer_id, outcome, level, "
                            + "currency, outstanding_minor, fee_minor, interest_minor) VALUES (:run, :invoice, :number, "
                            + ":customer, :outcome, :level, :currency, :outstanding, :fee, :interest)")
                    .bind("run", runId).bind("invoice", result.invoiceId()).bind("number", result.invoiceNumber())
                    .bind("customer", result.customerId()).bind("outcome", result.outcome().name())
                    .bind("level", result.level() == null ? null : result.level().name())
                    .bind("currency", result.outstanding().currencyCode())
                    .bind("outstanding", result.outstanding().toMinorUnits()).bind("fee", result.fee().toMinorUnits())
                    .bind("interest", result.interest().toMinorUnits()).execute();
        }
        h.createUpdate("UPDATE dunning_run SET looked_at = looked_at + :n, mails_queued = mails_queued + :mails "
                        + "WHERE id = :id")
                .bind("n", results.size()).bind("mails", mails).bind("id", runId).execute();
    }

    void results(String runId, List<InvoiceResult> results) {
        jdbi.useTransaction(h -> results(h, runId, results, 0));
    }

    void finish(String id, RunState state, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dunning_run SET state = :state, error = :error, finished_at = :now "
                        + "WHERE id = :id")
                .bind("state", state.name()).bind("error", error).bind("now", clock.millis()).bind("id", id).execute());
    }

    /** The ids of the newest stored runs, newest first. */
    public List<String> recentRunIds(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM dunning_run ORDER BY started_at DESC, id LIMIT :limit")
                .bind("limit", limit).mapTo(String.class).list());
    }

    /** A stored (not a dry) run with its results, in the order the run looked at the invoices' customers. */
    public Optional<DunningRunView> run(String id) {
        return jdbi.withHandle(h -> {
            List<InvoiceResult> results = h.createQuery("SELECT invoice_id, invoice_number, customer_id, outcome, level, "
                            + "currency, outstanding_minor, fee_minor, interest_minor FROM dunning_run_item "
                            + "WHERE run_id = :id ORDER BY customer_id, invoice_number").bind("id", id)
                    .map((rs, ctx) -> {
                        Currency currency = Currency.getInstance(rs.getString("currency"));
                        String level = rs.getString("level");
                        return new InvoiceResult(rs.getString("invoice_id"), rs.getString("invoice_number"),
                                rs.getString("customer_id"), Outcome.valueOf(rs.getString("outcome")),
                                level == null ? null : DunningLevel.valueOf(level),
                                Money.ofMinor(rs.getLong("outstanding_minor"), currency),
                                Money.ofMinor(rs.getLong("fee_minor"), currency),
                                Money.ofMinor(rs.getLong("interest_minor"), currency));
                    }).list();
            return h.createQuery("SELECT id, state, as_of, total, looked_at, mails_queued, error, started_at, finished_at "
                            + "FROM dunning_run WHERE id = :id").bind("id", id)
                    .map((rs, ctx) -> {
                        long finished = rs.getLong("finished_at");
                        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
                        return new DunningRunView(rs.getString("id"), false, RunState.valueOf(rs.getString("state")),
                                LocalDate.parse(rs.getString("as_of")), rs.getInt("total"), rs.getInt("looked_at"),
                                rs.getInt("mails_queued"), rs.getString("error"),
                                Instant.ofEpochMilli(rs.getLong("started_at")), finishedAt, results);
                    }).findOne();
        });
    }

    private static LevelRecord level(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new LevelRecord(rs.getString("invoice_id"), DunningLevel.valueOf(rs.getString("level")),
                rs.getString("run_id"), Money.ofMinor(rs.getLong("outstanding_minor"), currency),
                Money.ofMinor(rs.getLong("fee_minor"), currency), Money.ofMinor(rs.getLong("interest_minor"), currency),
                LocalDate.parse(rs.getString("interest_from")), LocalDate.parse(rs.getString("interest_to")),
                LocalDate.parse(rs.getString("sent_on")));
    }
}
