package org.kontor.plugins.banktransfer.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.api.payment.PaymentNotification;

/**
 * The credits read from statements, in {@code payment_bank_transfer_entry}, and the operator's manual queue over them:
 * list what waits, assign a credit to a payment by hand, or set it aside.
 */
public final class Entries {

    static final String COLUMNS = "id, entry_key, source, statement_id, account, entry_reference, booking_date, amount_minor, "
            + "currency, reference_found, remittance, payer, payment_id, state, reason, notification_id, imported_at, "
            + "resolved_at, resolved_by, note";

    private final Jdbi jdbi;
    private final Clock clock;

    public Entries(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Entries in a state, oldest first, at most {@code limit}. */
    public List<Entry> list(EntryState state, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM payment_bank_transfer_entry "
                        + "WHERE state = :state ORDER BY imported_at, id LIMIT :limit")
                .bind("state", state.name()).bind("limit", limit).map((rs, ctx) -> entry(rs)).list());
    }

    public Optional<Entry> byId(String id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    /** Every entry that paid a payment, as notifications, for a payment's settlement and for audits. */
    public List<PaymentNotification> notificationsFor(String paymentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM payment_bank_transfer_entry "
                        + "WHERE payment_id = :payment AND notification_id IS NOT NULL ORDER BY imported_at, id")
                .bind("payment", paymentId).map((rs, ctx) -> entry(rs)).list())
                .stream().map(StatementImporter::notification).toList();
    }

    /**
     * Assigns a queued credit to a pending payment, which is then paid with the credit's amount (the operator accepts a
     * partial payment as settling it, or handles an excess outside Kontor).
     *
     * @return the notification for the payment
     * @throws BankTransferException NOT_FOUND for an unknown entry or payment, CONFLICT when the entry is not queued
     *                               or the payment paid already, INVALID for another currency
     */
    public PaymentNotification assign(String entryId, String paymentId, String actor, String note) {
        return jdbi.inTransaction(h -> {
            Entry entry = queued(h, entryId);
            Payment payment = Payments.byId(h, paymentId).orElseThrow(() -> new BankTransferException(
                    BankTransferException.Reason.NOT_FOUND, "no bank transfer payment " + paymentId));
            if (!payment.amount().currency().equals(entry.amount().currency())) {
                throw new BankTransferException(BankTransferException.Reason.INVALID, "the credit is in "
                        + entry.amount().currencyCode() + ", the payment in " + payment.amount().currencyCode());
            }
            Instant now = clock.instant();
            if (!Payments.markPaid(h, paymentId, entry.amount(), now)) {
                throw new BankTransferException(BankTransferException.Reason.CONFLICT, "payment " + paymentId + " is paid already");
            }
            String notificationId = StatementImporter.NOTIFICATION_PREFIX + entry.entryKey();
            h.createUpdate("UPDATE payment_bank_transfer_entry SET state = 'RESOLVED', payment_id = :payment, "
                            + "notification_id = :notification, resolved_at = :now, resolved_by = :actor, note = :note "
                            + "WHERE id = :id AND state = 'QUEUED'")
                    .bind("payment", paymentId).bind("notification", notificationId).bind("now", now.toEpochMilli())
                    .bind("actor", actor).bind("note", note).bind("id", entryId).execute();
            return StatementImporter.notification(byId(h, entryId).orElseThrow());
        });
    }

    /** Sets a queued credit aside (returned to the payer, not a payment for Kontor); a note says why. */
    public Entry dismiss(String entryId, String actor, String note) {
        if (note == null || note.isBlank()) {
            throw new BankTransferException(BankTransferException.Reason.INVALID, "say why the credit is set aside");
        }
        return jdbi.inTransaction(h -> {
            queued(h, entryId);
            h.createUpdate("UPDATE payment_bank_transfer_entry SET state = 'DISMISSED', resolved_at = :now, "
                            + "resolved_by = :actor, note = :note WHERE id = :id AND state = 'QUEUED'")
                    .bind("now", clock.millis()).bind("actor", actor).bind("note", note).bind("id", entryId).execute();
            return byId(h, entryId).orElseThrow();
        });
    }

    private static Entry queued(Handle h, String entryId) {
        Entry entry = byId(h, entryId).orElseThrow(() -> new BankTransferException(
                BankTransferException.Reason.NOT_FOUND, "no statement entry " + entryId));
        if (entry.state() != EntryState.QUEUED) {
            throw new BankTransferException(BankTransferException.Reason.CONFLICT,
                    "statement entry " + entryId + " is " + entry.state() + ", not in the queue");
        }
        return entry;
    }

    static Optional<Entry> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_bank_transfer_entry WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> entry(rs)).findOne();
    }

    static Optional<Entry> byKey(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_bank_transfer_entry WHERE entry_key = :key")
                .bind("key", key).map((rs, ctx) -> entry(rs)).findOne();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        String booked = rs.getString("booking_date");
        String reason = rs.getString("reason");
        return new Entry(rs.getString("id"), rs.getString("entry_key"), rs.getString("source"), rs.getString("statement_id"),
                rs.getString("account"), rs.getString("entry_reference"), booked == null ? null : LocalDate.parse(booked),
                Money.ofMinor(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("reference_found"), rs.getString("remittance"), rs.getString("payer"),
                rs.getString("payment_id"), EntryState.valueOf(rs.getString("state")),
                reason == null ? null : QueueReason.valueOf(reason), rs.getString("notification_id"),
                Instant.ofEpochMilli(rs.getLong("imported_at")), instant(rs, "resolved_at"), rs.getString("resolved_by"),
                rs.getString("note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
