package org.kontor.host.billing.prepaid;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.event.PrepaidTopUpPaid;
import org.kontor.api.money.Money;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceIssuedException;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.InvoiceTexts;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advance tax documents (PA-13, the Czech/Slovak "daňový zálohový list"): for each paid top-up one document in
 * {@link Series#ADVANCE_TAX_DOCUMENT} with one line, the advance received, at the VAT the rules give the reseller;
 * issued and at once marked paid with its gross (net + VAT, which the reseller transferred). Each step is repeatable:
 * the document is found by its source key {@code topup:<top-up id>}, a draft is issued, an issued one paid.
 */
public final class AdvanceDocuments {

    public static final String LINE_TEXT = "invoice.line.advanceReceived";

    private static final Logger LOG = LoggerFactory.getLogger(AdvanceDocuments.class);
    private static final int DUE_BATCH = 500;

    private final Jdbi jdbi;
    private final Invoicing invoicing;
    private final Resellers resellers;
    private final InvoiceTexts texts;
    private final java.time.ZoneId zone;
    private final Clock clock;
    private final Duration delay;

    /** @param zone the billing zone, whose calendar dates the supply (the day the payment was received) */
    public AdvanceDocuments(Jdbi jdbi, Invoicing invoicing, Resellers resellers, InvoiceTexts texts,
                            java.time.ZoneId zone, Clock clock, int delayDays) {
        this.jdbi = jdbi;
        this.invoicing = invoicing;
        this.resellers = resellers;
        this.texts = texts;
        this.zone = zone;
        this.clock = clock;
        this.delay = Duration.ofDays(delayDays);
    }

    public static String sourceKey(String topUpId) {
        return "topup:" + topUpId;
    }

    /** Records a paid top-up and, without a configured delay, issues its document at once. */
    public void paid(PrepaidTopUpPaid event) {
        record(event);
        if (delay.isZero()) {
            issue(event.topUpId());
        }
    }

    /** Records a paid top-up once, whatever the redeliveries. */
    public void record(PrepaidTopUpPaid event) {
        Instant due = event.paidAt().plus(delay);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO prepaid_advance (top_up_id, account_id, owner_id, net_minor, "
                        + "currency, paid_at, due_at) VALUES (:topUp, :account, :owner, :net, :currency, :paid, :due) "
                        + "ON CONFLICT (top_up_id) DO NOTHING")
                .bind("topUp", event.topUpId()).bind("account", event.accountId()).bind("owner", event.ownerId())
                .bind("net", event.net().toMinorUnits()).bind("currency", event.net().currencyCode())
                .bind("paid", event.paidAt().toEpochMilli()).bind("due", due.toEpochMilli()).execute());
    }

    /**
     * Issues the recorded top-up's document and marks it paid; for a top-up done before, answers its document.
     *
     * @throws IllegalArgumentException when no such top-up was recorded
     * @throws IllegalStateException    when the reseller is unknown (the delivery is retried)
     */
    public Invoice issue(String topUpId) {
        Advance advance = jdbi.withHandle(h -> h.createQuery("SELECT top_up_id, owner_id, net_minor, currency, paid_at "
                        + "FROM prepaid_advance WHERE top_up_id = :id").bind("id", topUpId)
                .map((rs, ctx) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new Advance(rs.getString("top_up_id"), rs.getString("owner_id"),
                            Money.ofMinor(rs.getLong("net_minor"), currency), Instant.ofEpochMilli(rs.getLong("paid_at")));
                }).findOne())
                .orElseThrow(() -> new IllegalArgumentException("no paid top-up " + topUpId + " recorded"));
        Reseller reseller = resellers.find(advance.ownerId()).orElseThrow(() ->
                new IllegalStateException("top-up " + topUpId + ": no customer " + advance.ownerId()));
        LocalDate received = LocalDate.ofInstant(advance.paidAt(), zone);
        DraftLine line = new DraftLine(texts.text(reseller.language(), LINE_TEXT), BigDecimal.ONE, advance.net(), null);
        String id = invoicing.store().createDraft(new NewDraft(Series.ADVANCE_TAX_DOCUMENT, reseller.customerId(), null,
                reseller.language(), advance.net().currency(), received, List.of(line), null, sourceKey(topUpId)));
        Invoice invoice = find(id);
        if (invoice.state() == InvoiceState.DRAFT) {
            invoice = issued(() -> invoicing.issue(id, reseller.buyer()), id);
        }
        if ((invoice.state() == InvoiceState.ISSUED || invoice.state() == InvoiceState.PARTIALLY_PAID)
                && invoice.outstanding().isPositive()) {
            Money outstanding = invoice.outstanding();
            invoice = issued(() -> invoicing.store().recordPayment(id, outstanding), id);
        }
        int marked = jdbi.withHandle(h -> h.createUpdate("UPDATE prepaid_advance SET invoice_id = :invoice, "
                        + "issued_at = :now WHERE top_up_id = :id AND issued_at IS NULL")
                .bind("invoice", id).bind("now", clock.millis()).bind("id", topUpId).execute());
        if (marked == 1) {
            LOG.info("Advance tax document {} issued for top-up {} ({} + VAT {})", invoice.number(), topUpId,
                    invoice.net(), invoice.vat());
        }
        return invoice;
    }

    /** Issues the documents that are due and not issued yet; the number issued. */
    public int issueDue() {
        List<String> due = jdbi.withHandle(h -> h.createQuery("SELECT top_up_id FROM prepaid_advance "
                        + "WHERE issued_at IS NULL AND due_at <= :now ORDER BY due_at LIMIT " + DUE_BATCH)
                .bind("now", clock.millis()).mapTo(String.class).list());
        int issued = 0;
        for (String topUpId : due) {
            try {
                issue(topUpId);
                issued++;
            } catch (RuntimeException e) {
                LOG.error("The advance tax document for top-up {} could not be issued; the next run tries again",
                        topUpId, e);
            }
        }
        return issued;
    }

    /** The document of a top-up, if it was drafted. */
    public Optional<Invoice> documentOf(String topUpId) {
        return invoicing.store().idOfSource(sourceKey(topUpId)).flatMap(invoicing.store()::find);
    }

    /** A step another caller may have taken at the same moment: then the document as that caller left it. */
    private Invoice issued(java.util.function.Supplier<Invoice> step, String id) {
        try {
            return step.get();
        } catch (InvoiceIssuedException e) {
            return find(id);
        }
    }

    private Invoice find(String id) {
        return invoicing.store().find(id).orElseThrow(() -> new IllegalStateException("invoice " + id + " vanished"));
    }

    private record Advance(String topUpId, String ownerId, Money net, Instant paidAt) {
    }
}
