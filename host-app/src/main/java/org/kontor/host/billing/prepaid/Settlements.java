package org.kontor.host.billing.prepaid;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.PrepaidMonthClosed;
import org.kontor.api.money.Money;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceIssuedException;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.InvoiceTexts;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.IssueTerms;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly settlement documents of prepaid accounts (PA-13). A closed account-month ({@link PrepaidMonthClosed}) is
 * settled once the draws recorded for it match the ledger's count and sum exactly: one {@link Series#SETTLEMENT}
 * document (source key {@code settlement:<account>:<yyyy-mm>}, supplied on the month's last day) lists every draw at
 * the buyer's VAT, computed per line, and deducts per rate exactly the net and VAT of those lines as advances already
 * documented, so it has zero to pay. A month without draws is settled without a document.
 *
 * <p>Every line's VAT is fixed when the document is drafted, so its total is zero whatever the rule at issue. The
 * document is drafted and issued and the month marked settled in one transaction, so a month is settled with exactly
 * one issued document or not at all; a run over settled months creates nothing.
 */
public final class Settlements {

    public static final String SUPPLY_TEXT = "invoice.line.prepaidDraw";
    public static final String DEDUCTION_TEXT = "invoice.line.advancesDeducted";

    private static final Logger LOG = LoggerFactory.getLogger(Settlements.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Duration REPORT_MISMATCH_AFTER = Duration.ofDays(1);
    private static final String PENDING_COLUMNS =
            "account_id, month, owner_id, payments, charged_minor, currency, closed_at, invoice_id, state";

    private final Jdbi jdbi;
    private final PrepaidDraws draws;
    private final Invoicing invoicing;
    private final Resellers resellers;
    private final InvoiceTexts texts;
    private final DocumentRenderer pdf;
    private final RenderedDocuments rendered;
    private final Clock clock;
    private final PrepaidBillingConfig config;

    public Settlements(Jdbi jdbi, PrepaidDraws draws, Invoicing invoicing, Resellers resellers, InvoiceTexts texts,
                       DocumentRenderer pdf, RenderedDocuments rendered, Clock clock, PrepaidBillingConfig config) {
        this.jdbi = jdbi;
        this.draws = draws;
        this.invoicing = invoicing;
        this.resellers = resellers;
        this.texts = texts;
        this.pdf = pdf;
        this.rendered = rendered;
        this.clock = clock;
        this.config = config;
    }

    public static String sourceKey(String accountId, YearMonth month) {
        return "settlement:" + accountId + ":" + month;
    }

    /** Records a closed account-month once, whatever the redeliveries. */
    public void closed(PrepaidMonthClosed event) {
        jdbi.useHandle(h -> closed(h, event));
    }

    /** As {@link #closed(PrepaidMonthClosed)}, on the caller's handle. */
    public void closed(Handle h, PrepaidMonthClosed event) {
        h.createUpdate("INSERT INTO prepaid_settlement (account_id, month, owner_id, payments, "
                        + "charged_minor, currency, closed_at, state) VALUES (:account, :month, :owner, :payments, "
                        + ":charged, :currency, :now, 'PENDING') ON CONFLICT (account_id, month) DO NOTHING")
                .bind("account", event.accountId()).bind("month", event.month().toString())
                .bind("owner", event.ownerId()).bind("payments", event.payments())
                .bind("charged", event.charged().toMinorUnits()).bind("currency", event.charged().currencyCode())
                .bind("now", clock.millis()).execute();
    }

    /**
     * Settles every closed account-month whose draws are complete, in batches, rendering each document's PDF on
     * {@link PrepaidBillingConfig#pdfThreads()} threads while the next are issued.
     */
    public SettlementRun run() throws InterruptedException {
        long started = System.nanoTime();
        int issued = 0;
        int empty = 0;
        int waiting = 0;
        int failed = 0;
        long issueNanos = 0;
        try (PdfBatch pdfs = new PdfBatch(pdf, rendered, config.pdfThreads())) {
            Pending after = new Pending("", "", "", 0, 0, null, 0, null, null);
            while (true) {
                List<Pending> batch = pending(after);
                if (batch.isEmpty()) {
                    break;
                }
                for (Pending month : batch) {
                    long start = System.nanoTime();
                    Outcome outcome;
                    try {
                        outcome = settle(month);
                    } catch (RuntimeException e) {
                        LOG.error("Settling {} of prepaid account {} failed; the next run tries again", month.month(),
                                month.accountId(), e);
                        outcome = new Outcome(Result.FAILED, null);
                    }
                    issueNanos += System.nanoTime() - start;
                    switch (outcome.result()) {
                        case ISSUED -> {
                            issued++;
                            pdfs.submit(outcome.invoice());
                        }
                        case EMPTY -> empty++;
                        case WAITING -> waiting++;
                        case FAILED -> failed++;
                        case ELSEWHERE -> { }
                    }
                }
                after = batch.get(batch.size() - 1);
            }
            pdfs.awaitDone();
            SettlementRun run = new SettlementRun(issued, empty, waiting, failed, pdfs.rendered(), pdfs.failed(),
                    pdfs.bytes(), issueNanos, pdfs.renderNanos(), System.nanoTime() - started);
            if (issued + empty + waiting + failed > 0) {
                LOG.info("Prepaid settlements: {} issued, {} without draws, {} waiting for draws, {} failed; {} PDFs "
                        + "({} failed)", issued, empty, waiting, failed, run.pdfs(), run.pdfFailures());
            }
            return run;
        }
    }

    /**
     * Settles one closed account-month now (without its PDF): the settlement document, if it was issued now or before.
     *
     * @throws IllegalArgumentException when the month was not closed
     */
    public Optional<Invoice> settle(String accountId, YearMonth month) {
        Pending pending = jdbi.withHandle(h -> h.createQuery("SELECT " + PENDING_COLUMNS + " FROM prepaid_settlement "
                        + "WHERE account_id = :account AND month = :month")
                .bind("account", accountId).bind("month", month.toString()).map((rs, ctx) -> pending(rs)).findOne())
                .orElseThrow(() -> new IllegalArgumentException("month " + month + " of account " + accountId
                        + " was not closed"));
        if (pending.state().equals("PENDING")) {
            Outcome outcome = settle(pending);
            return outcome.result() == Result.ELSEWHERE ? settle(accountId, month) : Optional.ofNullable(outcome.invoice());
        }
        return Optional.ofNullable(pending.invoiceId()).flatMap(invoicing.store()::find);
    }

    private List<Pending> pending(Pending after) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PENDING_COLUMNS + " FROM prepaid_settlement "
                        + "WHERE state = 'PENDING' AND (month > :month OR (month = :month AND account_id > :account)) "
                        + "ORDER BY month, account_id LIMIT " + config.settlementBatch())
                .bind("month", after.month()).bind("account", after.accountId())
                .map((rs, ctx) -> pending(rs)).list());
    }

    private static Pending pending(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Pending(rs.getString("account_id"), rs.getString("month"), rs.getString("owner_id"),
                rs.getInt("payments"), rs.getLong("charged_minor"), rs.getString("currency"), rs.getLong("closed_at"),
                rs.getString("invoice_id"), rs.getString("state"));
    }

    private Outcome settle(Pending month) {
        YearMonth yearMonth = YearMonth.parse(month.month());
        if (month.invoiceId() != null) {
            return settleLinked(month, month.invoiceId());
        }
        PrepaidDraws.Totals totals = jdbi.withHandle(h -> draws.totals(h, month.accountId(), yearMonth));
        if (totals.draws() != month.payments() || totals.netMinor() != month.chargedMinor()) {
            if (clock.millis() - month.closedAt() > REPORT_MISMATCH_AFTER.toMillis()) {
                LOG.warn("Prepaid account {} month {}: the ledger closed it with {} draws of {} {} minor units, "
                                + "billing has recorded {} of {}; the settlement waits for the missing events",
                        month.accountId(), month.month(), month.payments(), month.chargedMinor(), month.currency(),
                        totals.draws(), totals.netMinor());
            }
            return new Outcome(Result.WAITING, null);
        }
        if (totals.draws() == 0) {
            markSettled(month, "EMPTY");
            return new Outcome(Result.EMPTY, null);
        }
        String key = sourceKey(month.accountId(), yearMonth);
        Optional<String> existing = invoicing.store().idOfSource(key);
        if (existing.isPresent()) {
            link(month, existing.get());
            return settleLinked(month, existing.get());
        }
        Reseller reseller = reseller(month);
        VatTerms vat = invoicing.terms(reseller.buyer());
        IssueTerms terms = invoicing.issueTerms(reseller.language(), vat);
        String id = UUID.randomUUID().toString();
        // Drafted, issued and the month marked settled in one transaction: one commit per document.
        boolean settledHere = jdbi.inTransaction(h -> {
            int linked = h.createUpdate("UPDATE prepaid_settlement SET invoice_id = :invoice, state = 'SETTLED', "
                            + "settled_at = :now WHERE account_id = :account AND month = :month AND state = 'PENDING' "
                            + "AND invoice_id IS NULL")
                    .bind("invoice", id).bind("now", clock.millis()).bind("account", month.accountId())
                    .bind("month", month.month()).execute();
            if (linked == 0) {
                return false;
            }
            invoicing.store().createDraft(h, id, new NewDraft(Series.SETTLEMENT, reseller.customerId(), null,
                    reseller.language(), Currency.getInstance(month.currency()), yearMonth.atEndOfMonth(),
                    lines(h, month.accountId(), yearMonth, reseller.language(), vat), null, key));
            invoicing.store().issue(h, id, terms);
            invoicing.announce(h, invoicing.store().find(h, id).orElseThrow());
            return true;
        });
        if (!settledHere) {
            return new Outcome(Result.ELSEWHERE, null);
        }
        return issued(month, invoicing.store().find(id).orElseThrow());
    }

    /** A month linked to its document before: issues it if a run stopped before, and marks the month settled. */
    private Outcome settleLinked(Pending month, String invoiceId) {
        Invoice invoice = invoicing.store().find(invoiceId).orElseThrow(() ->
                new IllegalStateException("settlement document " + invoiceId + " vanished"));
        if (invoice.state() == InvoiceState.DRAFT) {
            try {
                invoice = invoicing.issue(invoiceId, invoicing.terms(reseller(month).buyer()));
            } catch (InvoiceIssuedException e) {
                invoice = invoicing.store().find(invoiceId).orElseThrow();
            }
        }
        markSettled(month, "SETTLED");
        return issued(month, invoice);
    }

    private Outcome issued(Pending month, Invoice invoice) {
        if (!invoice.gross().isZero()) {
            LOG.error("Settlement document {} of prepaid account {} month {} has {} to pay instead of zero",
                    invoice.number(), month.accountId(), month.month(), invoice.gross());
        }
        return new Outcome(Result.ISSUED, invoice);
    }

    private Reseller reseller(Pending month) {
        return resellers.find(month.ownerId()).orElseThrow(() -> new IllegalStateException(
                "prepaid account " + month.accountId() + ": no customer " + month.ownerId()));
    }

    private void link(Pending month, String invoiceId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE prepaid_settlement SET invoice_id = :invoice WHERE account_id = :account "
                        + "AND month = :month AND invoice_id IS NULL")
                .bind("invoice", invoiceId).bind("account", month.accountId()).bind("month", month.month()).execute());
    }

    /** Every draw at the buyer's rate with its VAT rounded per line, then per rate the deduction of exactly those. */
    private List<DraftLine> lines(Handle h, String accountId, YearMonth month, String language, VatTerms vat) {
        BigDecimal rate = vat.decision().rate();
        List<DraftLine> lines = new ArrayList<>();
        Map<BigDecimal, Money[]> byRate = new TreeMap<>((a, b) -> b.compareTo(a));
        for (PrepaidDraws.Draw draw : draws.of(h, accountId, month)) {
            Money lineVat = draw.net().times(rate.divide(HUNDRED), InvoiceLine.ROUNDING);
            lines.add(new DraftLine(describe(draw, language), BigDecimal.ONE, draw.net(), rate, lineVat));
            byRate.merge(rate, new Money[] {draw.net(), lineVat},
                    (sum, add) -> new Money[] {sum[0].plus(add[0]), sum[1].plus(add[1])});
        }
        String deduction = texts.text(language, DEDUCTION_TEXT);
        byRate.forEach((lineRate, sum) -> lines.add(
                new DraftLine(deduction, BigDecimal.ONE, sum[0].negate(), lineRate, sum[1].negate())));
        return lines;
    }

    private String describe(PrepaidDraws.Draw draw, String language) {
        String kind = texts.text(language, "invoice.line.kind." + draw.kind().name());
        StringBuilder what = new StringBuilder();
        if (draw.domain() != null) {
            what.append(draw.domain());
        }
        if (draw.period() != null) {
            char unit = draw.period().charAt(draw.period().length() - 1);
            String count = draw.period().substring(0, draw.period().length() - 1);
            String period = texts.text(language, unit == 'm' ? "invoice.line.periodMonths" : "invoice.line.periodYears",
                    count);
            what.append(what.length() == 0 ? "" : ", ").append(period);
        }
        return what.length() == 0 ? kind : texts.text(language, SUPPLY_TEXT, kind, what.toString());
    }

    private void markSettled(Pending month, String state) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE prepaid_settlement SET state = :state, settled_at = :now "
                        + "WHERE account_id = :account AND month = :month AND state = 'PENDING'")
                .bind("state", state).bind("now", clock.millis()).bind("account", month.accountId())
                .bind("month", month.month()).execute());
    }

    private enum Result { ISSUED, EMPTY, WAITING, FAILED, ELSEWHERE }

    private record Outcome(Result result, Invoice invoice) {
    }

    private record Pending(String accountId, String month, String ownerId, int payments, long chargedMinor,
                           String currency, long closedAt, String invoiceId, String state) {
    }
}
