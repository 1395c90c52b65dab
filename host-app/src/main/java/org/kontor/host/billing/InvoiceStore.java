package org.kontor.host.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.kontor.api.money.Money;
import org.kontor.database.Dialect;

/**
 * The billing tables (V12). A draft's lines may be added and the draft deleted; {@link #issue} numbers the draft and
 * fixes everything on it in one transaction. Afterwards the only writes are the payment state ({@link #recordPayment})
 * and the cancellation mark ({@link #cancel}): every statement that changes a document's content carries
 * {@code state = 'DRAFT'} in its WHERE clause or checks it under the row lock, so an issued document cannot be
 * changed, renumbered or deleted through this store.
 */
public final class InvoiceStore {

    private static final String COLUMNS = "id, series, number, state, customer_id, order_id, language, currency, "
            + "issue_date, supply_date, due_date, seller_json, buyer_json, vat_treatment, vat_country, vat_note, "
            + "buyer_vat_check, net_minor, vat_minor, gross_minor, paid_minor, payment_reference, created_at, issued_at, "
            + "corrects_id, corrects_number, source_key";

    private static final String INSERT_LINE = "INSERT INTO invoice_line (invoice_id, position, description, quantity, "
            + "unit_minor, vat_rate, vat_minor) VALUES (:id, :position, :description, :quantity, :unit, :rate, :vat)";

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Clock clock;
    private final InvoiceNumbers numbers;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public InvoiceStore(Jdbi jdbi, Dialect dialect, Clock clock, InvoiceNumbers numbers) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.clock = clock;
        this.numbers = numbers;
    }

    /**
     * Drafts a document. For an order that already has a document of the series, or a source key that already has a
     * document, that document's id is answered and nothing is added, also when two callers race.
     */
    public String createDraft(NewDraft draft) {
        Optional<String> existing = existingFor(draft);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = UUID.randomUUID().toString();
        try {
            jdbi.useTransaction(h -> createDraft(h, id, draft));
        } catch (RuntimeException e) {
            if (dialect.isUniqueViolation(e)) {
                return existingFor(draft).orElseThrow(() -> e);
            }
            throw e;
        }
        return id;
    }

    /**
     * Drafts a document inside the caller's transaction (e.g. the one that records why it is made). The caller makes
     * sure no document exists for the order or source key; a duplicate fails on the unique index.
     */
    public void createDraft(Handle h, String id, NewDraft draft) {
        if (draft.correctsId() != null) {
            InvoiceState corrected = lockState(h, draft.correctsId()).orElseThrow(() -> notFound(draft.correctsId()));
            if (!corrected.isIssued()) {
                throw new IllegalArgumentException("invoice " + draft.correctsId() + " is a draft and cannot be corrected");
            }
        }
        h.createUpdate("INSERT INTO invoice (id, series, state, customer_id, order_id, language, currency, "
                        + "supply_date, created_at, corrects_id, source_key) VALUES (:id, :series, 'DRAFT', :customer, "
                        + ":order, :language, :currency, :supply, :now, :corrects, :source)")
                .bind("id", id).bind("series", draft.series().name()).bind("customer", draft.customerId())
                .bind("order", draft.orderId()).bind("language", draft.language())
                .bind("currency", draft.currency().getCurrencyCode())
                .bind("supply", draft.supplyDate() == null ? null : draft.supplyDate().toString())
                .bind("now", clock.millis()).bind("corrects", draft.correctsId()).bind("source", draft.sourceKey())
                .execute();
        if (!draft.lines().isEmpty()) {
            // One round trip for all the lines.
            PreparedBatch batch = h.prepareBatch(INSERT_LINE);
            int position = 1;
            for (DraftLine line : draft.lines()) {
                bindDraftLine(batch, id, position++, line).add();
            }
            batch.execute();
        }
    }

    private Optional<String> existingFor(NewDraft draft) {
        if (draft.orderId() != null) {
            Optional<String> existing = idOfOrder(draft.orderId(), draft.series());
            if (existing.isPresent()) {
                return existing;
            }
        }
        return draft.sourceKey() == null ? Optional.empty() : idOfSource(draft.sourceKey());
    }

    /** The document made for a source key ({@link NewDraft#sourceKey()}). */
    public Optional<String> idOfSource(String sourceKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM invoice WHERE source_key = :key")
                .bind("key", sourceKey).mapTo(String.class).findOne());
    }

    /** Adds a line at the end of a draft. */
    public void addLine(String id, DraftLine line) {
        if (!line.unitPrice().currency().equals(find(id).orElseThrow(() -> notFound(id)).currency())) {
            throw new IllegalArgumentException("line currency differs from the document's");
        }
        jdbi.useTransaction(h -> {
            requireDraft(h, id);
            int next = h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM invoice_line WHERE invoice_id = :id")
                    .bind("id", id).mapTo(Integer.class).one();
            insertDraftLine(h, id, next, line);
        });
    }

    /** Replaces all lines of a draft (an individual invoice being edited). */
    public void replaceDraftLines(String id, List<DraftLine> lines) {
        Currency currency = find(id).orElseThrow(() -> notFound(id)).currency();
        for (DraftLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("line currency differs from the document's");
            }
        }
        jdbi.useTransaction(h -> {
            requireDraft(h, id);
            h.createUpdate("DELETE FROM invoice_line WHERE invoice_id = :id").bind("id", id).execute();
            int position = 1;
            for (DraftLine line : lines) {
                insertDraftLine(h, id, position++, line);
            }
        });
    }

    /** Deletes a draft; whether there was one. */
    public boolean deleteDraft(String id) {
        return jdbi.inTransaction(h -> {
            Optional<InvoiceState> state = lockState(h, id);
            if (state.isEmpty()) {
                return false;
            }
            if (state.get() != InvoiceState.DRAFT) {
                throw new InvoiceIssuedException(id, state.get());
            }
            h.createUpdate("DELETE FROM invoice_line WHERE invoice_id = :id").bind("id", id).execute();
            return h.createUpdate("DELETE FROM invoice WHERE id = :id AND state = 'DRAFT'").bind("id", id).execute() == 1;
        });
    }

    /**
     * Issues a draft: allocates its number, prices its lines, copies seller and buyer and stores the totals, all in
     * one transaction.
     *
     * @throws InvoiceIssuedException when it is no longer a draft (it keeps its number)
     * @throws IllegalStateException  when it has no lines
     */
    public Invoice issue(String id, IssueTerms terms) {
        return issue(id, terms, (h, issued) -> { });
    }

    /**
     * Issues a draft as {@link #issue(String, IssueTerms)} and hands the issued document to {@code onIssued} inside
     * the issuing transaction (to publish that it was issued through the outbox): if that fails, nothing is issued.
     */
    public Invoice issue(String id, IssueTerms terms, BiConsumer<Handle, Invoice> onIssued) {
        jdbi.useTransaction(h -> {
            issue(h, id, terms);
            onIssued.accept(h, load(h, id).orElseThrow());
        });
        return find(id).orElseThrow();
    }

    /** As {@link #issue(String, IssueTerms)}, inside the caller's transaction (e.g. the one that drafted it). */
    public void issue(Handle h, String id, IssueTerms terms) {
        InvoiceState state = lockState(h, id).orElseThrow(() -> notFound(id));
        if (state != InvoiceState.DRAFT) {
            throw new InvoiceIssuedException(id, state);
        }
        Invoice draft = load(h, id).orElseThrow();
        if (draft.draftLines().isEmpty()) {
            throw new IllegalStateException("invoice " + id + " has no lines");
        }
        List<InvoiceLine> lines = new ArrayList<>();
        for (DraftLine line : draft.draftLines()) {
            lines.add(line.fixedVat() != null
                    ? InvoiceLine.withVat(lines.size() + 1, line.description(), line.quantity(), line.unitPrice(),
                            line.vatRate(), line.fixedVat())
                    : InvoiceLine.priced(lines.size() + 1, line.description(), line.quantity(), line.unitPrice(),
                            terms.rateFor(line)));
        }
        Money net = Money.zero(draft.currency());
        Money vat = Money.zero(draft.currency());
        for (InvoiceLine line : lines) {
            net = net.plus(line.net());
            vat = vat.plus(line.vat());
        }
        InvoiceNumbers.Allocated number = numbers.allocate(h, draft.series(), terms.issueDate());
        LocalDate supply = draft.supplyDate() == null ? terms.issueDate() : draft.supplyDate();
        String correctsNumber = draft.correctsId() == null ? null
                : h.createQuery("SELECT number FROM invoice WHERE id = :id").bind("id", draft.correctsId())
                .mapTo(String.class).one();
        int updated = h.createUpdate("UPDATE invoice SET number = :number, state = 'ISSUED', issue_date = :issue, "
                        + "supply_date = :supply, due_date = :due, seller_json = :seller, buyer_json = :buyer, "
                        + "vat_treatment = :treatment, vat_country = :vatCountry, vat_note = :note, "
                        + "buyer_vat_check = :check, net_minor = :net, vat_minor = :vat, gross_minor = :gross, "
                        + "payment_reference = :reference, issued_at = :now, corrects_number = :corrects "
                        + "WHERE id = :id AND state = 'DRAFT'")
                .bind("number", number.number()).bind("issue", terms.issueDate().toString())
                .bind("supply", supply.toString()).bind("due", terms.dueDate().toString())
                .bind("seller", write(terms.seller())).bind("buyer", write(terms.buyer()))
                .bind("treatment", terms.treatment().name()).bind("vatCountry", terms.vatCountry())
                .bind("note", terms.vatNote()).bind("check", terms.buyerVatCheck())
                .bind("net", net.toMinorUnits()).bind("vat", vat.toMinorUnits())
                .bind("gross", net.plus(vat).toMinorUnits())
                .bind("reference", paymentReference(number)).bind("now", clock.millis())
                .bind("corrects", correctsNumber).bind("id", id).execute();
        if (updated != 1) {
            throw new IllegalStateException("invoice " + id + " changed while it was issued");
        }
        PreparedBatch priced = h.prepareBatch("UPDATE invoice_line SET vat_rate = :rate, net_minor = :net, "
                + "vat_minor = :vat, gross_minor = :gross WHERE invoice_id = :id AND position = :position");
        for (InvoiceLine line : lines) {
            priced.bind("rate", line.vatRate().toPlainString()).bind("net", line.net().toMinorUnits())
                    .bind("vat", line.vat().toMinorUnits()).bind("gross", line.gross().toMinorUnits())
                    .bind("id", id).bind("position", line.position()).add();
        }
        priced.execute();
    }

    /**
     * Records money received for an issued document: partially paid until the total is reached, then paid.
     *
     * @throws InvoiceIssuedException (with the state) when the document is a draft, paid or cancelled
     */
    public Invoice recordPayment(String id, Money amount) {
        return recordPayment(id, amount, null, null);
    }

    /**
     * Records money received as {@link #recordPayment(String, Money)} and logs it in {@code invoice_payment}. A
     * payment whose idempotency key was recorded before changes nothing and answers the document as it is.
     *
     * @param reference      what the payer quoted or the provider's reference, or null
     * @param idempotencyKey what identifies the payment at its source (a provider's transaction id), or null
     * @throws IllegalArgumentException when the key was recorded for another document
     */
    public Invoice recordPayment(String id, Money amount, String reference, String idempotencyKey) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment must be positive, was " + amount);
        }
        jdbi.useTransaction(h -> {
            InvoiceState state = lockState(h, id).orElseThrow(() -> notFound(id));
            if (idempotencyKey != null) {
                Optional<String> recordedFor = h.createQuery("SELECT invoice_id FROM invoice_payment "
                                + "WHERE idempotency_key = :key").bind("key", idempotencyKey)
                        .mapTo(String.class).findOne();
                if (recordedFor.isPresent()) {
                    if (!recordedFor.get().equals(id)) {
                        throw new IllegalArgumentException("payment " + idempotencyKey
                                + " was recorded for another document");
                    }
                    return;
                }
            }
            if (state != InvoiceState.ISSUED && state != InvoiceState.PARTIALLY_PAID) {
                throw new InvoiceIssuedException(id, state);
            }
            Invoice invoice = load(h, id).orElseThrow();
            Money paid = invoice.paid().plus(amount);
            InvoiceState next = paid.compareTo(invoice.gross()) >= 0 ? InvoiceState.PAID : InvoiceState.PARTIALLY_PAID;
            h.createUpdate("UPDATE invoice SET paid_minor = :paid, state = :state, paid_at = :now WHERE id = :id "
                            + "AND state IN ('ISSUED', 'PARTIALLY_PAID')")
                    .bind("paid", paid.toMinorUnits()).bind("state", next.name())
                    .bind("now", next == InvoiceState.PAID ? clock.millis() : null).bind("id", id).execute();
            h.createUpdate("INSERT INTO invoice_payment (id, invoice_id, amount_minor, received_at, reference, "
                            + "idempotency_key) VALUES (:id, :invoice, :amount, :at, :reference, :key)")
                    .bind("id", UUID.randomUUID().toString()).bind("invoice", id)
                    .bind("amount", amount.toMinorUnits()).bind("at", clock.millis()).bind("reference", reference)
                    .bind("key", idempotencyKey).execute();
        });
        return find(id).orElseThrow();
    }

    /**
     * Takes back money recorded as paid on a document because it went back to the payer (a refund, a chargeback, a
     * returned direct debit): logged in {@code invoice_payment} as a negative amount under its own key, and a paid
     * document is open again for it. Never takes back more than was paid; the same key again changes nothing.
     *
     * @throws IllegalArgumentException when the key was recorded for another document
     */
    public Invoice recordPaymentReturned(String id, Money amount, String reference, String idempotencyKey) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("money returned must be positive, was " + amount);
        }
        jdbi.useTransaction(h -> {
            InvoiceState state = lockState(h, id).orElseThrow(() -> notFound(id));
            Optional<String> recordedFor = h.createQuery("SELECT invoice_id FROM invoice_payment "
                    + "WHERE idempotency_key = :key").bind("key", idempotencyKey).mapTo(String.class).findOne();
            if (recordedFor.isPresent()) {
                if (!recordedFor.get().equals(id)) {
                    throw new IllegalArgumentException("payment " + idempotencyKey + " was recorded for another document");
                }
                return;
            }
            if (state == InvoiceState.DRAFT) {
                throw new InvoiceIssuedException(id, state);
            }
            Invoice invoice = load(h, id).orElseThrow();
            Money taken = amount.isGreaterThan(invoice.paid()) ? invoice.paid() : amount;
            Money paid = invoice.paid().minus(taken);
            InvoiceState next = state == InvoiceState.CANCELLED ? state
                    : paid.compareTo(invoice.gross()) >= 0 ? InvoiceState.PAID
                    : paid.isPositive() ? InvoiceState.PARTIALLY_PAID : InvoiceState.ISSUED;
            h.createUpdate("UPDATE invoice SET paid_minor = :paid, state = :state, "
                            + "paid_at = CASE WHEN :state = 'PAID' THEN paid_at ELSE NULL END WHERE id = :id")
                    .bind("paid", paid.toMinorUnits()).bind("state", next.name()).bind("id", id).execute();
            h.createUpdate("INSERT INTO invoice_payment (id, invoice_id, amount_minor, received_at, reference, "
                            + "idempotency_key) VALUES (:id, :invoice, :amount, :at, :reference, :key)")
                    .bind("id", UUID.randomUUID().toString()).bind("invoice", id)
                    .bind("amount", -taken.toMinorUnits()).bind("at", clock.millis()).bind("reference", reference)
                    .bind("key", idempotencyKey).execute();
        });
        return find(id).orElseThrow();
    }

    /**
     * Marks an issued, unpaid or partly paid document cancelled; its content and number stay. (The credit note that
     * documents a cancellation towards the tax authority is its own document in {@link Series#CREDIT_NOTE}.)
     */
    public Invoice cancel(String id) {
        jdbi.useTransaction(h -> {
            InvoiceState state = lockState(h, id).orElseThrow(() -> notFound(id));
            if (state != InvoiceState.ISSUED && state != InvoiceState.PARTIALLY_PAID) {
                throw new InvoiceIssuedException(id, state);
            }
            h.createUpdate("UPDATE invoice SET state = 'CANCELLED', cancelled_at = :now WHERE id = :id")
                    .bind("now", clock.millis()).bind("id", id).execute();
        });
        return find(id).orElseThrow();
    }

    public Optional<Invoice> find(String id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    /** A document as the caller's transaction sees it. */
    public Optional<Invoice> find(Handle h, String id) {
        return load(h, id);
    }

    public Optional<Invoice> findByOrder(String orderId, Series series) {
        return idOfOrder(orderId, series).flatMap(this::find);
    }

    /** What issued credit notes took back from a document: a positive amount, zero when none corrects it. */
    public Money credited(String id) {
        return jdbi.withHandle(h -> {
            String currency = h.createQuery("SELECT currency FROM invoice WHERE id = :id").bind("id", id)
                    .mapTo(String.class).one();
            long credited = h.createQuery("SELECT COALESCE(SUM(gross_minor), 0) FROM invoice WHERE corrects_id = :id "
                            + "AND series = 'CREDIT_NOTE' AND state <> 'DRAFT'")
                    .bind("id", id).mapTo(Long.class).one();
            return Money.ofMinor(-credited, Currency.getInstance(currency));
        });
    }

    /** A customer's issued documents, newest first. */
    public List<Invoice> issuedTo(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM invoice WHERE customer_id = :customer "
                        + "AND state <> 'DRAFT' ORDER BY issued_at DESC, number DESC")
                .bind("customer", customerId).mapTo(String.class).list()
                .stream().map(id -> load(h, id).orElseThrow()).toList());
    }

    private Optional<String> idOfOrder(String orderId, Series series) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM invoice WHERE order_id = :order AND series = :series")
                .bind("order", orderId).bind("series", series.name()).mapTo(String.class).findOne());
    }

    private void insertDraftLine(Handle h, String id, int position, DraftLine line) {
        bindDraftLine(h.createUpdate(INSERT_LINE), id, position, line).execute();
    }

    private static <S extends SqlStatement<S>> S bindDraftLine(S statement, String id, int position, DraftLine line) {
        return statement.bind("id", id).bind("position", position).bind("description", line.description())
                .bind("quantity", line.quantity().toPlainString()).bind("unit", line.unitPrice().toMinorUnits())
                .bind("rate", line.vatRate() == null ? null : line.vatRate().toPlainString())
                .bind("vat", line.fixedVat() == null ? null : line.fixedVat().toMinorUnits());
    }

    private void requireDraft(Handle h, String id) {
        InvoiceState state = lockState(h, id).orElseThrow(() -> notFound(id));
        if (state != InvoiceState.DRAFT) {
            throw new InvoiceIssuedException(id, state);
        }
    }

    private Optional<InvoiceState> lockState(Handle h, String id) {
        return h.createQuery("SELECT state FROM invoice WHERE id = :id" + dialect.forUpdate())
                .bind("id", id).mapTo(String.class).findOne().map(InvoiceState::valueOf);
    }

    /** The number's digits, at most the last ten (the Czech variabilní symbol has up to ten). */
    private static String paymentReference(InvoiceNumbers.Allocated number) {
        String digits = number.number().replaceAll("\\D", "");
        if (digits.isEmpty()) {
            digits = Long.toString(number.sequence());
        }
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }

    private Optional<Invoice> load(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM invoice WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> invoice(h, rs)).findOne();
    }

    private Invoice invoice(Handle h, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        Currency currency = Currency.getInstance(rs.getString("currency"));
        InvoiceState state = InvoiceState.valueOf(rs.getString("state"));
        List<DraftLine> draftLines = new ArrayList<>();
        List<InvoiceLine> lines = new ArrayList<>();
        h.createQuery("SELECT position, description, quantity, unit_minor, vat_rate, net_minor, vat_minor, gross_minor "
                        + "FROM invoice_line WHERE invoice_id = :id ORDER BY position").bind("id", id)
                .map((r, ctx) -> {
                    BigDecimal quantity = new BigDecimal(r.getString("quantity"));
                    Money unit = Money.ofMinor(r.getLong("unit_minor"), currency);
                    String rate = r.getString("vat_rate");
                    if (state == InvoiceState.DRAFT) {
                        long fixedMinor = r.getLong("vat_minor");
                        Money fixedVat = r.wasNull() ? null : Money.ofMinor(fixedMinor, currency);
                        draftLines.add(new DraftLine(r.getString("description"), quantity, unit,
                                rate == null ? null : new BigDecimal(rate), fixedVat));
                    } else {
                        lines.add(new InvoiceLine(r.getInt("position"), r.getString("description"), quantity, unit,
                                new BigDecimal(rate), Money.ofMinor(r.getLong("net_minor"), currency),
                                Money.ofMinor(r.getLong("vat_minor"), currency),
                                Money.ofMinor(r.getLong("gross_minor"), currency)));
                    }
                    return null;
                }).list();
        long issuedMillis = rs.getLong("issued_at");
        Instant issuedAt = rs.wasNull() ? null : Instant.ofEpochMilli(issuedMillis);
        return new Invoice(id, Series.valueOf(rs.getString("series")), rs.getString("number"), state,
                rs.getString("customer_id"), rs.getString("order_id"), rs.getString("language"), currency,
                date(rs.getString("issue_date")), date(rs.getString("supply_date")), date(rs.getString("due_date")),
                read(rs.getString("seller_json"), Seller.class), read(rs.getString("buyer_json"), Party.class),
                rs.getString("vat_treatment") == null ? null : VatTreatment.valueOf(rs.getString("vat_treatment")),
                rs.getString("vat_country"), rs.getString("vat_note"), rs.getString("buyer_vat_check"),
                draftLines, lines, money(rs, "net_minor", currency), money(rs, "vat_minor", currency),
                money(rs, "gross_minor", currency), Money.ofMinor(rs.getLong("paid_minor"), currency),
                rs.getString("payment_reference"), Instant.ofEpochMilli(rs.getLong("created_at")),
                issuedAt, rs.getString("corrects_id"), rs.getString("corrects_number"), rs.getString("source_key"));
    }

    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        long minor = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofMinor(minor, currency);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " on an invoice", e);
        }
    }

    private static IllegalArgumentException notFound(String id) {
        return new IllegalArgumentException("no invoice " + id);
    }
}
