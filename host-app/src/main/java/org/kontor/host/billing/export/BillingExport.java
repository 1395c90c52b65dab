package org.kontor.host.billing.export;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.VatTotal;

/** Reads what the accounting export contains. Periods are inclusive of both days. */
public final class BillingExport {

    private final Jdbi jdbi;
    private final InvoiceStore store;
    private final ZoneId zone;

    /** @param zone the seller's zone, in which documents are dated and payments' days counted */
    public BillingExport(Jdbi jdbi, InvoiceStore store, ZoneId zone) {
        this.jdbi = jdbi;
        this.store = store;
        this.zone = zone;
    }

    /** Issued documents with an issue date in the period, by series and number, one row per VAT rate. */
    public List<DocumentRow> documents(LocalDate from, LocalDate to) {
        List<String> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM invoice WHERE state <> 'DRAFT' "
                        + "AND issue_date >= :from AND issue_date <= :to ORDER BY issue_date, series, number")
                .bind("from", from.toString()).bind("to", to.toString()).mapTo(String.class).list());
        List<DocumentRow> rows = new ArrayList<>();
        for (String id : ids) {
            Invoice invoice = store.find(id).orElseThrow();
            for (VatTotal total : invoice.vatTotals()) {
                rows.add(new DocumentRow(invoice.series().name(), invoice.number(), invoice.issueDate(),
                        invoice.supplyDate(), invoice.dueDate(), invoice.customerId(),
                        invoice.buyer().displayName(), invoice.buyer().countryCode(), invoice.buyer().vatId(),
                        invoice.vatTreatment().name(), invoice.vatCountry(), invoice.currency().getCurrencyCode(),
                        total.rate(), total.net(), total.vat(), total.gross(), invoice.gross(), invoice.paid(),
                        invoice.state().name(), invoice.correctsNumber()));
            }
        }
        return rows;
    }

    /** Payments received on the days of the period, in the order received. */
    public List<PaymentRow> payments(LocalDate from, LocalDate to) {
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return jdbi.withHandle(h -> h.createQuery("SELECT p.amount_minor, p.received_at, p.reference, i.series, "
                        + "i.number, i.customer_id, i.currency FROM invoice_payment p JOIN invoice i ON i.id = p.invoice_id "
                        + "WHERE p.received_at >= :start AND p.received_at < :end ORDER BY p.received_at, p.id")
                .bind("start", start).bind("end", end)
                .map((rs, ctx) -> new PaymentRow(
                        java.time.Instant.ofEpochMilli(rs.getLong("received_at")).atZone(zone).toLocalDate(),
                        rs.getString("series"), rs.getString("number"), rs.getString("customer_id"),
                        Money.ofMinor(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("reference")))
                .list());
    }
}
