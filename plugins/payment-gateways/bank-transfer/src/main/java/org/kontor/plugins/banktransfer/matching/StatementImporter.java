package org.kontor.plugins.banktransfer.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.plugins.banktransfer.reference.PaymentReference;
import org.kontor.plugins.banktransfer.reference.ReferenceFinder;
import org.kontor.plugins.banktransfer.statement.Statement;
import org.kontor.plugins.banktransfer.statement.StatementEntry;

/**
 * Books the credits of statements against the payments they name. A credit of exactly the amount of a pending payment
 * with its reference pays it (one PROCESSED notification); a partial or excess amount, an unknown or missing reference,
 * a payment paid before or another currency puts the credit in the manual queue. Each bank entry is recorded once
 * (per account and bank reference), in its own transaction, so a statement imported again, or an import cut short and
 * repeated, creates nothing twice.
 */
public final class StatementImporter {

    /** The prefix of the notification ids, so they never collide with another gateway's. */
    public static final String NOTIFICATION_PREFIX = "bank-transfer:";

    private final Jdbi jdbi;
    private final Clock clock;
    private final ReferenceFinder finder = new ReferenceFinder();

    public StatementImporter(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @param source where the statements came from (a file name), kept with each entry */
    public ImportReport importStatements(List<Statement> statements, String source) {
        int credits = 0;
        int duplicates = 0;
        int matched = 0;
        int queued = 0;
        List<PaymentNotification> notifications = new ArrayList<>();
        for (Statement statement : statements) {
            for (StatementEntry credit : statement.credits()) {
                credits++;
                Optional<Entry> created = book(statement, credit, source);
                if (created.isEmpty()) {
                    duplicates++;
                } else if (created.get().state() == EntryState.MATCHED) {
                    matched++;
                    notifications.add(notification(created.get()));
                } else {
                    queued++;
                }
            }
        }
        return new ImportReport(statements.size(), credits, duplicates, matched, queued, notifications);
    }

    /** The notification an entry that paid a payment stands for. */
    static PaymentNotification notification(Entry entry) {
        return new PaymentNotification(entry.notificationId(), entry.paymentId(), OutcomeStatus.PROCESSED, entry.amount());
    }

    static String entryKey(String account, String entryReference) {
        return account + "|" + entryReference;
    }

    private Optional<Entry> book(Statement statement, StatementEntry credit, String source) {
        String entryKey = entryKey(statement.account(), credit.entryReference());
        try {
            return bookOnce(statement, credit, source, entryKey);
        } catch (UnableToExecuteStatementException e) {
            // Another import of the same statement booked the entry first: its unique key refused this one.
            if (jdbi.withHandle(h -> Entries.byKey(h, entryKey)).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<Entry> bookOnce(Statement statement, StatementEntry credit, String source, String entryKey) {
        return jdbi.inTransaction(h -> {
            if (Entries.byKey(h, entryKey).isPresent()) {
                return Optional.<Entry>empty();
            }
            Instant now = clock.instant();
            Match match = match(h, credit);
            String id = UUID.randomUUID().toString();
            String notificationId = null;
            EntryState state = EntryState.QUEUED;
            if (match.reason() == null && Payments.markPaid(h, match.payment().id(), credit.amount(), now)) {
                state = EntryState.MATCHED;
                notificationId = NOTIFICATION_PREFIX + entryKey;
            }
            QueueReason reason = state == EntryState.MATCHED ? null
                    : match.reason() == null ? QueueReason.ALREADY_PAID : match.reason();
            h.createUpdate("INSERT INTO payment_bank_transfer_entry (" + Entries.COLUMNS + ") VALUES (:id, :key, :source, "
                            + ":statement, :account, :reference, :booked, :amount, :currency, :found, :remittance, :payer, "
                            + ":payment, :state, :reason, :notification, :now, NULL, NULL, NULL)")
                    .bind("id", id).bind("key", entryKey).bind("source", source).bind("statement", statement.statementId())
                    .bind("account", statement.account()).bind("reference", credit.entryReference())
                    .bind("booked", credit.bookingDate() == null ? null : credit.bookingDate().toString())
                    .bind("amount", credit.amount().toMinorUnits()).bind("currency", credit.amount().currencyCode())
                    .bind("found", match.found() == null ? null : match.found().key())
                    .bind("remittance", remittance(credit)).bind("payer", credit.payer())
                    .bind("payment", match.payment() == null ? null : match.payment().id())
                    .bind("state", state.name()).bind("reason", reason == null ? null : reason.name())
                    .bind("notification", notificationId).bind("now", now.toEpochMilli())
                    .execute();
            return Entries.byId(h, id);
        });
    }

    /** What a credit names: the payment it pays (reason null), or why it cannot, with the payment it names if any. */
    private record Match(PaymentReference found, Payment payment, QueueReason reason) {
    }

    private Match match(Handle h, StatementEntry credit) {
        List<PaymentReference> references = finder.find(credit.structured(), credit.texts());
        if (references.isEmpty()) {
            return new Match(null, null, QueueReason.NO_REFERENCE);
        }
        for (PaymentReference reference : references) {
            List<Payment> payments = Payments.withReference(h, reference);
            if (!payments.isEmpty()) {
                return match(reference, payments, credit.amount());
            }
        }
        return new Match(references.get(0), null, QueueReason.UNMATCHED);
    }

    private static Match match(PaymentReference reference, List<Payment> payments, Money amount) {
        List<Payment> pending = payments.stream().filter(p -> p.state() == PaymentState.PENDING).toList();
        if (pending.isEmpty()) {
            return new Match(reference, payments.get(payments.size() - 1), QueueReason.ALREADY_PAID);
        }
        List<Payment> sameCurrency = pending.stream().filter(p -> p.amount().currency().equals(amount.currency())).toList();
        if (sameCurrency.isEmpty()) {
            return new Match(reference, pending.get(0), QueueReason.CURRENCY);
        }
        Optional<Payment> exact = sameCurrency.stream().filter(p -> p.amount().compareTo(amount) == 0).findFirst();
        if (exact.isPresent()) {
            return new Match(reference, exact.get(), null);
        }
        Payment named = sameCurrency.get(0);
        return new Match(reference, named, amount.isLessThan(named.amount()) ? QueueReason.PARTIAL : QueueReason.OVERPAID);
    }

    private static String remittance(StatementEntry credit) {
        List<String> parts = new ArrayList<>();
        if (credit.structured() != null) {
            parts.add(credit.structured());
        }
        if (credit.remittance() != null) {
            parts.add(credit.remittance());
        }
        if (parts.isEmpty() && credit.additional() != null) {
            parts.add(credit.additional());
        }
        String text = String.join(" / ", parts);
        return text.isEmpty() ? null : text.length() > 500 ? text.substring(0, 500) : text;
    }
}
