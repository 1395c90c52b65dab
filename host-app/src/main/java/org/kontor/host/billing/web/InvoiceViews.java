package org.kontor.host.billing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.VatTotal;

/** Documents as the API shows them: amounts as decimal strings with their currency, dates in ISO form. */
public final class InvoiceViews {

    private InvoiceViews() {
    }

    public static Map<String, Object> summary(Invoice invoice) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", invoice.id());
        view.put("type", invoice.series().name());
        view.put("number", invoice.number());
        view.put("state", invoice.state().name());
        view.put("orderId", invoice.orderId());
        view.put("correctsNumber", invoice.correctsNumber());
        view.put("issueDate", text(invoice.issueDate()));
        view.put("supplyDate", text(invoice.supplyDate()));
        view.put("dueDate", text(invoice.dueDate()));
        view.put("currency", invoice.currency().getCurrencyCode());
        view.put("net", amount(invoice.net()));
        view.put("vat", amount(invoice.vat()));
        view.put("total", amount(invoice.gross()));
        view.put("paid", amount(invoice.paid()));
        view.put("outstanding", amount(invoice.outstanding()));
        view.put("pdf", invoice.state().isIssued() ? "/api/v1/invoices/" + invoice.id() + "/pdf" : null);
        return view;
    }

    public static Map<String, Object> detail(Invoice invoice) {
        Map<String, Object> view = summary(invoice);
        view.put("language", invoice.language());
        view.put("vatTreatment", invoice.vatTreatment() == null ? null : invoice.vatTreatment().name());
        view.put("vatCountry", invoice.vatCountry());
        view.put("vatNote", invoice.vatNote());
        view.put("paymentReference", invoice.paymentReference());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", line.position());
            row.put("description", line.description());
            row.put("quantity", line.quantity().toPlainString());
            row.put("unitPrice", amount(line.unitPrice()));
            row.put("vatRate", line.vatRate().toPlainString());
            row.put("net", amount(line.net()));
            row.put("vat", amount(line.vat()));
            row.put("gross", amount(line.gross()));
            lines.add(row);
        }
        view.put("lines", lines);
        List<Map<String, Object>> totals = new ArrayList<>();
        for (VatTotal total : invoice.vatTotals()) {
            totals.add(Map.of("rate", total.rate().toPlainString(), "net", amount(total.net()),
                    "vat", amount(total.vat()), "gross", amount(total.gross())));
        }
        view.put("vatTotals", totals);
        return view;
    }

    private static String amount(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
