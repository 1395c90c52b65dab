package org.kontor.host.billing.corrections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.database.Dialect;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceIssuedException;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Series;

/**
 * Makes credit notes. Each is drafted in a transaction that holds the corrected document's row lock, so that what
 * credit notes credit per line is counted and added to under that lock: two corrections at once can never credit
 * more than a line has. It is then issued with the corrected document's terms ({@link Invoicing#issueAs}); if issuing
 * fails the draft is removed again, so every counted credit is on an issued credit note or about to be.
 */
public final class Corrections {

    /** The source key prefix of cancellations: {@code storno:<invoice id>}, one per document. */
    public static final String CANCELLATION_KEY = "storno:";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int REASON_MAX = 500;

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final InvoiceStore store;
    private final Invoicing invoicing;
    private final Clock clock;

    public Corrections(Jdbi jdbi, Dialect dialect, InvoiceStore store, Invoicing invoicing, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.store = store;
        this.invoicing = invoicing;
        this.clock = clock;
    }

    /**
     * Cancels a document: one credit note repeats every line with what is still uncredited of it, negated (the whole
     * line when no partial credit note touched it: same quantity negated, same unit price, rate and VAT), so that the
     * document and all its credit notes net to zero per rate. An unpaid or partly paid document is marked cancelled;
     * a paid one stays paid, and the credit note records the refund owed. Asking again answers the first cancellation.
     *
     * @throws CorrectionRefused for a draft, a credit note, a document with nothing left to credit, or without reason
     */
    public Correction cancel(String invoiceId, String reason) {
        String why = requireReason(reason);
        Invoice original = issuedOriginal(invoiceId);
        String key = CANCELLATION_KEY + invoiceId;
        Optional<String> existing = store.idOfSource(key);
        boolean created = false;
        String creditNoteId;
        if (existing.isPresent()) {
            creditNoteId = existing.get();
        } else {
            Drafted drafted = draft(original, CorrectionKind.CANCELLATION, why, key,
                    credited -> cancellationLines(original, credited));
            creditNoteId = drafted.id();
            created = drafted.created();
        }
        Invoice creditNote = issue(creditNoteId, original, created);
        markCancelled(invoiceId);
        return correction(creditNote, created);
    }

    /**
     * Credits chosen lines of an issued document in a credit note of its own: by quantity (at the line's unit price)
     * or by a net amount, with the line's rate; the VAT is the rate on the credited net, or exactly what is left of
     * the line's VAT when the credit takes all that is left of its net. The document is not otherwise changed.
     *
     * @throws CorrectionRefused when a line would be credited beyond what is left of it, or for invalid input
     */
    public Correction credit(String invoiceId, String reason, List<CreditLine> lines) {
        String why = requireReason(reason);
        Invoice original = issuedOriginal(invoiceId);
        if (original.state() == InvoiceState.CANCELLED) {
            throw CorrectionRefused.conflict("invoice " + original.number() + " is cancelled");
        }
        if (lines == null || lines.isEmpty()) {
            throw CorrectionRefused.invalid("A credit note needs at least one line.",
                    Map.of("lines", "Name at least one line to credit."));
        }
        Drafted drafted = draft(original, CorrectionKind.PARTIAL, why, null,
                credited -> partialLines(original, lines, credited));
        return correction(issue(drafted.id(), original, true), true);
    }

    /** The lines of an issued document with what credit notes have credited of each. */
    public List<LineBalance> balance(String invoiceId) {
        Invoice original = store.find(invoiceId).orElseThrow(() -> new IllegalArgumentException("no invoice " + invoiceId));
        Map<Integer, Credited> credited = jdbi.withHandle(h -> credited(h, invoiceId));
        List<LineBalance> balances = new ArrayList<>();
        for (InvoiceLine line : original.lines()) {
            Credited done = credited.getOrDefault(line.position(), Credited.NONE);
            balances.add(new LineBalance(line.position(), line.description(), line.quantity(), line.unitPrice(),
                    line.vatRate(), line.net(), line.vat(), Money.ofMinor(done.net(), original.currency()),
                    Money.ofMinor(done.vat(), original.currency())));
        }
        return balances;
    }

    /** The credit notes of a document (issued or about to be), oldest first. */
    public List<Correction> of(String invoiceId) {
        List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT credit_note_id FROM invoice_correction "
                        + "WHERE invoice_id = :id ORDER BY created_at, credit_note_id")
                .bind("id", invoiceId).mapTo(String.class).list());
        List<Correction> corrections = new ArrayList<>();
        for (String id : ids) {
            store.find(id).ifPresent(note -> corrections.add(correction(note, false)));
        }
        return corrections;
    }

    /** What a credit note corrects, when it was made here. */
    public Optional<Correction> ofCreditNote(String creditNoteId) {
        return store.find(creditNoteId).filter(note -> note.correctsId() != null).map(note -> correction(note, false));
    }

    private Invoice issuedOriginal(String invoiceId) {
        Invoice original = store.find(invoiceId)
                .orElseThrow(() -> new IllegalArgumentException("no invoice " + invoiceId));
        if (original.state() == InvoiceState.DRAFT) {
            throw CorrectionRefused.conflict("invoice " + invoiceId + " is a draft: delete or change it instead");
        }
        if (original.series() == Series.CREDIT_NOTE) {
            throw CorrectionRefused.conflict(original.number() + " is a credit note; credit notes are not corrected");
        }
        return original;
    }

    private record Drafted(String id, boolean created) {
    }

    /** A credit note line and what it takes of the corrected line (positive minor units). */
    private record Planned(int invoicePosition, DraftLine line, long net, long vat) {
    }

    private record Credited(long net, long vat) {
        static final Credited NONE = new Credited(0, 0);
    }

    private Drafted draft(Invoice original, CorrectionKind kind, String reason, String sourceKey,
                          Function<Map<Integer, Credited>, List<Planned>> plan) {
        try {
            return jdbi.inTransaction(h -> {
                long paid = h.createQuery("SELECT paid_minor FROM invoice WHERE id = :id" + dialect.forUpdate())
                        .bind("id", original.id()).mapTo(Long.class).one();
                if (sourceKey != null) {
                    Optional<String> existing = h.createQuery("SELECT id FROM invoice WHERE source_key = :key")
                            .bind("key", sourceKey).mapTo(String.class).findOne();
                    if (existing.isPresent()) {
                        return new Drafted(existing.get(), false);
                    }
                }
                Map<Integer, Credited> credited = credited(h, original.id());
                List<Planned> planned = plan.apply(credited);
                if (planned.isEmpty()) {
                    throw CorrectionRefused.conflict("invoice " + original.number() + " has nothing left to credit");
                }
                String id = UUID.randomUUID().toString();
                store.createDraft(h, id, new NewDraft(Series.CREDIT_NOTE, original.customerId(), null,
                        original.language(), original.currency(), original.supplyDate(),
                        planned.stream().map(Planned::line).toList(), original.id(), sourceKey));
                long creditedBefore = credited.values().stream().mapToLong(c -> c.net() + c.vat()).sum();
                long thisCredit = planned.stream().mapToLong(p -> p.net() + p.vat()).sum();
                long refundedBefore = h.createQuery("SELECT COALESCE(SUM(refund_minor), 0) FROM invoice_correction "
                        + "WHERE invoice_id = :id").bind("id", original.id()).mapTo(Long.class).one();
                long stillDue = original.gross().toMinorUnits() - creditedBefore - thisCredit;
                long refund = Math.max(0, paid - stillDue - refundedBefore);
                h.createUpdate("INSERT INTO invoice_correction (credit_note_id, invoice_id, kind, reason, refund_minor, "
                                + "created_at) VALUES (:id, :invoice, :kind, :reason, :refund, :now)")
                        .bind("id", id).bind("invoice", original.id()).bind("kind", kind.name())
                        .bind("reason", reason).bind("refund", refund).bind("now", clock.millis()).execute();
                int position = 1;
                for (Planned line : planned) {
                    h.createUpdate("INSERT INTO invoice_correction_line (credit_note_id, position, invoice_position, "
                                    + "net_minor, vat_minor) VALUES (:id, :position, :of, :net, :vat)")
                            .bind("id", id).bind("position", position++).bind("of", line.invoicePosition())
                            .bind("net", line.net()).bind("vat", line.vat()).execute();
                }
                return new Drafted(id, true);
            });
        } catch (RuntimeException e) {
            if (sourceKey != null && dialect.isUniqueViolation(e)) {
                return new Drafted(store.idOfSource(sourceKey).orElseThrow(() -> e), false);
            }
            throw e;
        }
    }

    /** Everything still uncredited of every line, negated. */
    private static List<Planned> cancellationLines(Invoice original, Map<Integer, Credited> credited) {
        List<Planned> planned = new ArrayList<>();
        for (InvoiceLine line : original.lines()) {
            Credited done = credited.getOrDefault(line.position(), Credited.NONE);
            if (done.net() == 0 && done.vat() == 0) {
                planned.add(new Planned(line.position(), new DraftLine(line.description(), line.quantity().negate(),
                        line.unitPrice(), line.vatRate(), line.vat().negate()), line.net().toMinorUnits(),
                        line.vat().toMinorUnits()));
                continue;
            }
            Money net = line.net().minus(Money.ofMinor(done.net(), original.currency()));
            Money vat = line.vat().minus(Money.ofMinor(done.vat(), original.currency()));
            if (!net.isZero() || !vat.isZero()) {
                planned.add(new Planned(line.position(), new DraftLine(line.description(), BigDecimal.ONE.negate(),
                        net, line.vatRate(), vat.negate()), net.toMinorUnits(), vat.toMinorUnits()));
            }
        }
        return planned;
    }

    private Map<Integer, Credited> credited(Handle h, String invoiceId) {
        Map<Integer, Credited> credited = new HashMap<>();
        h.createQuery("SELECT l.invoice_position, SUM(l.net_minor) AS net, SUM(l.vat_minor) AS vat "
                        + "FROM invoice_correction_line l JOIN invoice_correction c ON c.credit_note_id = l.credit_note_id "
                        + "WHERE c.invoice_id = :id GROUP BY l.invoice_position")
                .bind("id", invoiceId)
                .map((rs, ctx) -> credited.put(rs.getInt("invoice_position"),
                        new Credited(rs.getLong("net"), rs.getLong("vat"))))
                .list();
        return credited;
    }

    private Invoice issue(String creditNoteId, Invoice original, boolean created) {
        try {
            return invoicing.issueAs(creditNoteId, original);
        } catch (InvoiceIssuedException e) {
            return store.find(creditNoteId).orElseThrow();
        } catch (RuntimeException e) {
            if (created) {
                try {
                    removeDraft(creditNoteId);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /**
     * Deletes a credit note that is still a draft (left by an issue that failed midway) with what it would have
     * credited; whether there was one.
     *
     * @throws InvoiceIssuedException when it has been issued
     */
    public boolean discardDraft(String creditNoteId) {
        return removeDraft(creditNoteId);
    }

    private boolean removeDraft(String creditNoteId) {
        jdbi.useTransaction(h -> {
            String state = h.createQuery("SELECT state FROM invoice WHERE id = :id" + dialect.forUpdate())
                    .bind("id", creditNoteId).mapTo(String.class).findOne().orElse(null);
            if (state != null && !InvoiceState.DRAFT.name().equals(state)) {
                throw new InvoiceIssuedException(creditNoteId, InvoiceState.valueOf(state));
            }
            h.createUpdate("DELETE FROM invoice_correction_line WHERE credit_note_id = :id").bind("id", creditNoteId)
                    .execute();
            h.createUpdate("DELETE FROM invoice_correction WHERE credit_note_id = :id").bind("id", creditNoteId)
                    .execute();
        });
        return store.deleteDraft(creditNoteId);
    }

    private void markCancelled(String invoiceId) {
        Invoice now = store.find(invoiceId).orElseThrow();
        if (now.state() == InvoiceState.ISSUED || now.state() == InvoiceState.PARTIALLY_PAID) {
            try {
                store.cancel(invoiceId);
            } catch (InvoiceIssuedException e) {
                // paid or cancelled meanwhile: a paid document stays paid, a cancelled one needs nothing
            }
        }
    }

    private record Record(String invoiceId, CorrectionKind kind, String reason, long refund) {
    }

    private Optional<Record> record(String creditNoteId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT invoice_id, kind, reason, refund_minor FROM invoice_correction "
                        + "WHERE credit_note_id = :id").bind("id", creditNoteId)
                .map((rs, ctx) -> new Record(rs.getString("invoice_id"), CorrectionKind.valueOf(rs.getString("kind")),
                        rs.getString("reason"), rs.getLong("refund_minor")))
                .findOne());
    }

    /** A credit note made elsewhere (with a {@code storno:} key but no record here) is answered without reason. */
    private Correction correction(Invoice creditNote, boolean created) {
        Optional<Record> record = record(creditNote.id());
        if (record.isEmpty()) {
            CorrectionKind kind = creditNote.sourceKey() != null && creditNote.sourceKey().startsWith(CANCELLATION_KEY)
                    ? CorrectionKind.CANCELLATION : CorrectionKind.PARTIAL;
            return new Correction(creditNote, creditNote.correctsId(), kind, null, Money.zero(creditNote.currency()),
                    created);
        }
        return new Correction(creditNote, record.get().invoiceId(), record.get().kind(), record.get().reason(),
                Money.ofMinor(record.get().refund(), creditNote.currency()), created);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw CorrectionRefused.invalid("A correction needs a reason.", Map.of("reason", "Give a reason."));
        }
        String stripped = reason.strip();
        if (stripped.length() > REASON_MAX) {
            throw CorrectionRefused.invalid("The reason is too long.",
                    Map.of("reason", "Use at most " + REASON_MAX + " characters."));
        }
        return stripped;
    }

    private List<Planned> partialLines(Invoice original, List<CreditLine> requested, Map<Integer, Credited> credited) {
        Map<Integer, InvoiceLine> byPosition = new HashMap<>();
        original.lines().forEach(line -> byPosition.put(line.position(), line));
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Integer> seen = new HashSet<>();
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            CreditLine credit = requested.get(i);
            String field = "lines[" + i + "]";
            InvoiceLine line = byPosition.get(credit.position());
            if (line == null) {
                errors.put(field + ".position", "There is no line " + credit.position() + " on " + original.number() + ".");
                continue;
            }
            if (!seen.add(credit.position())) {
                errors.put(field + ".position", "Line " + credit.position() + " is named twice.");
                continue;
            }
            if (!line.net().isPositive()) {
                errors.put(field + ".position", "Line " + credit.position() + " has no positive amount to credit.");
                continue;
            }
            if ((credit.quantity() == null) == (credit.amount() == null)) {
                errors.put(field, "Give either a quantity or an amount.");
                continue;
            }
            Money net;
            if (credit.quantity() != null) {
                if (credit.quantity().signum() <= 0) {
                    errors.put(field + ".quantity", "Give a positive quantity.");
                    continue;
                }
                net = line.unitPrice().times(credit.quantity(), InvoiceLine.ROUNDING);
            } else {
                if (!credit.amount().currency().equals(original.currency())) {
                    errors.put(field + ".amount", "Give the amount in " + original.currency() + ".");
                    continue;
                }
                if (!credit.amount().isPositive()) {
                    errors.put(field + ".amount", "Give a positive amount.");
                    continue;
                }
                net = credit.amount();
            }
            Credited done = credited.getOrDefault(line.position(), Credited.NONE);
            Money remainingNet = line.net().minus(Money.ofMinor(done.net(), original.currency()));
            Money remainingVat = line.vat().minus(Money.ofMinor(done.vat(), original.currency()));
            if (net.isGreaterThan(remainingNet)) {
                errors.put(field + (credit.quantity() != null ? ".quantity" : ".amount"),
                        "At most " + remainingNet.amount().toPlainString() + " " + original.currency()
                                + " net of line " + line.position() + " is still uncredited.");
                continue;
            }
            Money vat;
            if (net.equals(remainingNet)) {
                vat = remainingVat;
            } else {
                vat = net.times(line.vatRate().divide(HUNDRED), RoundingMode.HALF_UP);
                if (vat.isGreaterThan(remainingVat)) {
                    vat = remainingVat;
                }
            }
            DraftLine draftLine = credit.quantity() != null
                    ? new DraftLine(line.description(), credit.quantity().negate(), line.unitPrice(), line.vatRate(),
                            vat.negate())
                    : new DraftLine(line.description(), BigDecimal.ONE.negate(), net, line.vatRate(), vat.negate());
            planned.add(new Planned(line.position(), draftLine, net.toMinorUnits(), vat.toMinorUnits()));
        }
        if (!errors.isEmpty()) {
            throw CorrectionRefused.invalid("The credit note cannot be made as asked.", errors);
        }
        return planned;
    }
}
