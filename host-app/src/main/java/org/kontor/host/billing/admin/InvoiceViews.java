package org.kontor.host.billing.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceLine;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.VatTotal;
import org.kontor.host.billing.corrections.Correction;
import org.kontor.host.billing.corrections.LineBalance;

/** Documents, lines and corrections as the API shows them; money as {@code {"amount": "12.50", "currency": "DKK"}}. */
final class InvoiceViews {

    private InvoiceViews() {
    }

    static Map<String, Object> invoice(Invoice invoice) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", invoice.id());
        view.put("series", invoice.series().name());
        view.put("number", invoice.number());
        view.put("state", invoice.state().name());
        view.put("customerId", invoice.customerId());
        view.put("orderId", invoice.orderId());
        view.put("language", invoice.language());
        view.put("currency", invoice.currency().getCurrencyCode());
        view.put("issueDate", text(invoice.issueDate()));
        view.put("supplyDate", text(invoice.supplyDate()));
        view.put("dueDate", text(invoice.dueDate()));
        view.put("buyer", invoice.buyer() == null ? null : party(invoice.buyer()));
        view.put("vatTreatment", invoice.vatTreatment() == null ? null : invoice.vatTreatment().name());
        view.put("vatCountry", invoice.vatCountry());
        view.put("vatNote", invoice.vatNote());
        List<Map<String, Object>> lines = new ArrayList<>();
        if (invoice.state().isIssued()) {
            for (InvoiceLine line : invoice.lines()) {
                Map<String, Object> lineView = new LinkedHashMap<>();
                lineView.put("position", line.position());
                lineView.put("description", line.description());
                lineView.put("quantity", line.quantity().toPlainString());
                lineView.put("unitPrice", money(line.unitPrice()));
                lineView.put("vatRate", line.vatRate().toPlainString());
                lineView.put("net", money(line.net()));
                lineView.put("vat", money(line.vat()));
                lineView.put("gross", money(line.gross()));
                lines.add(lineView);
            }
        } else {
            int position = 1;
            for (DraftLine line : invoice.draftLines()) {
                Map<String, Object> lineView = new LinkedHashMap<>();
                lineView.put("position", position++);
                lineView.put("description", line.description());
                lineView.put("quantity", line.quantity().toPlainString());
                lineView.put("unitPrice", money(line.unitPrice()));
                lineView.put("vatRate", line.vatRate() == null ? null : line.vatRate().toPlainString());
                lines.add(lineView);
            }
        }
        view.put("lines", lines);
        List<Map<String, Object>> totals = new ArrayList<>();
        for (VatTotal total : invoice.vatTotals()) {
            totals.add(Map.of("rate", total.rate().toPlainString(), "net", money(total.net()), "vat", money(total.vat()),
                    "gross", money(total.gross())));
        }
        view.put("vatTotals", totals);
        view.put("net", money(invoice.net()));
        view.put("vat", money(invoice.vat()));
        view.put("gross", money(invoice.gross()));
        view.put("paid", money(invoice.paid()));
        view.put("paymentReference", invoice.paymentReference());
        view.put("correctsId", invoice.correctsId());
        view.put("correctsNumber", invoice.correctsNumber());
        view.put("sourceKey", invoice.sourceKey());
        view.put("createdAt", invoice.createdAt().toString());
        view.put("issuedAt", invoice.issuedAt() == null ? null : invoice.issuedAt().toString());
        return view;
    }

    static Map<String, Object> correction(Correction correction) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", correction.kind().name());
        view.put("reason", correction.reason());
        view.put("invoiceId", correction.invoiceId());
        view.put("refundOwed", money(correction.refundOwed()));
        view.put("creditNote", invoice(correction.creditNote()));
        return view;
    }

    static Map<String, Object> balance(LineBalance line) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("position", line.position());
        view.put("description", line.description());
        view.put("quantity", line.quantity().toPlainString());
        view.put("unitPrice", money(line.unitPrice()));
        view.put("vatRate", line.vatRate().toPlainString());
        view.put("net", money(line.net()));
        view.put("vat", money(line.vat()));
        view.put("creditedNet", money(line.creditedNet()));
        view.put("creditedVat", money(line.creditedVat()));
        view.put("remainingNet", money(line.remainingNet()));
        view.put("remainingVat", money(line.remainingVat()));
        return view;
    }

    static Map<String, Object> party(Party party) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", party.name());
        view.put("company", party.company());
        view.put("street", party.street());
        view.put("postalCode", party.postalCode());
        view.put("city", party.city());
        view.put("countryCode", party.countryCode());
        view.put("vatId", party.vatId());
        view.put("registrationNumber", party.registrationNumber());
        view.put("email", party.email());
        return view;
    }

    static Map<String, String> money(Money money) {
        return money == null ? null : Map.of("amount", money.amount().toPlainString(), "currency", money.currencyCode());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
