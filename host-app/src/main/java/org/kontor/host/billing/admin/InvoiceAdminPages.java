package org.kontor.host.billing.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.host.admin.AdminView;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceIssuedException;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.corrections.CorrectionRefused;
import org.kontor.host.billing.corrections.Corrections;
import org.kontor.host.billing.delivery.DeliveryChannel;
import org.kontor.host.billing.delivery.InvoiceDeliveries;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.web.ProblemException;

/**
 * Billing documents in the admin (ADM-7): {@code /admin/invoices} lists them by series, state, customer and period;
 * {@code /admin/invoices/{id}} shows one with its lines, VAT, PDF, deliveries and corrections, and lets staff issue a
 * draft, cancel an issued document with a reason (a cancellation document, never a deletion) and send it again.
 * The same services as the JSON API ({@link AdminInvoicesApi}).
 */
public final class InvoiceAdminPages {

    static final String BASE = "/admin/invoices";
    private static final int SHOWN = 200;

    private final InvoiceStore store;
    private final InvoiceSearch search;
    private final Invoicing invoicing;
    private final Corrections corrections;
    private final BillingProfiles profiles;
    private final InvoiceDeliveries deliveries;
    private final AdminView view;

    public InvoiceAdminPages(InvoiceStore store, InvoiceSearch search, Invoicing invoicing, Corrections corrections,
                             BillingProfiles profiles, InvoiceDeliveries deliveries, AdminView view) {
        this.store = store;
        this.search = search;
        this.invoicing = invoicing;
        this.corrections = corrections;
        this.profiles = profiles;
        this.deliveries = deliveries;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, this::list, Access.ADMIN);
        routes.get(BASE + "/{id}", ctx -> show(ctx, Map.of()), Access.ADMIN);
        routes.post(BASE + "/{id}/issue", this::issue, Access.ADMIN);
        routes.post(BASE + "/{id}/cancel", this::cancel, Access.ADMIN);
        routes.post(BASE + "/{id}/resend", this::resend, Access.ADMIN);
    }

    private void list(Context ctx) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String name : List.of("series", "state", "customer", "from", "to")) {
            String value = ctx.queryParam(name);
            filter.put(name, value == null ? "" : value.strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Series series = choice(Series.class, filter.get("series"), "series", errors);
        InvoiceState state = choice(InvoiceState.class, filter.get("state"), "state", errors);
        LocalDate from = date(filter.get("from"), "from", errors);
        LocalDate to = date(filter.get("to"), "to", errors);
        List<Invoice> found = errors.isEmpty() ? search.find(new InvoiceFilter(
                filter.get("customer").isEmpty() ? null : filter.get("customer"), series, state, from, to, SHOWN))
                : List.of();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("filter", filter);
        page.put("errors", errors);
        page.put("seriesChoices", Arrays.stream(Series.values()).map(Enum::name).toList());
        page.put("stateChoices", Arrays.stream(InvoiceState.values()).map(Enum::name).toList());
        page.put("invoices", found.stream().map(invoice -> row(ctx, invoice)).toList());
        if (!errors.isEmpty()) {
            ctx.status(422);
        }
        view.render(ctx, "invoices.ftlh", page);
    }

    private void show(Context ctx, Map<String, String> errors) {
        Invoice invoice = document(ctx);
        Map<String, Object> page = new LinkedHashMap<>(row(ctx, invoice));
        page.put("buyer", invoice.buyer() == null ? "" : invoice.buyer().name());
        page.put("vatTreatment", invoice.vatTreatment() == null ? "" : invoice.vatTreatment().name());
        page.put("vatNote", invoice.vatNote() == null ? "" : invoice.vatNote());
        page.put("lines", invoice.state() == InvoiceState.DRAFT
                ? invoice.draftLines().stream().map(line -> Map.<String, Object>of(
                        "position", "", "description", line.description(), "quantity", line.quantity().toPlainString(),
                        "unitPrice", view.money(ctx, line.unitPrice()), "vatRate", line.vatRate().toPlainString(),
                        "gross", "")).toList()
                : invoice.lines().stream().map(line -> Map.<String, Object>of(
                        "position", Integer.toString(line.position()), "description", line.description(),
                        "quantity", line.quantity().toPlainString(), "unitPrice", view.money(ctx, line.unitPrice()),
                        "vatRate", line.vatRate().toPlainString(), "gross", view.money(ctx, line.gross()))).toList());
        page.put("net", invoice.net() == null ? "" : view.money(ctx, invoice.net()));
        page.put("vat", invoice.vat() == null ? "" : view.money(ctx, invoice.vat()));
        page.put("pdf", invoice.state().isIssued() ? "/api/v1/invoices/" + invoice.id() + "/pdf" : "");
        page.put("corrects", invoice.correctsNumber() == null ? "" : invoice.correctsNumber());
        page.put("correctsId", invoice.correctsId() == null ? "" : invoice.correctsId());
        page.put("corrections", invoice.state().isIssued() ? corrections.of(invoice.id()).stream()
                .map(correction -> Map.of("id", correction.creditNote().id(),
                        "number", correction.creditNote().number() == null ? "" : correction.creditNote().number(),
                        "kind", correction.kind().name(), "reason", correction.reason() == null ? "" : correction.reason()))
                .toList() : List.of());
        page.put("deliveries", invoice.state().isIssued() ? deliveries.deliveries(invoice.id()).stream()
                .map(entry -> Map.of("channel", entry.channel().name(), "round", entry.round(),
                        "recipient", entry.recipient() == null ? "" : entry.recipient(), "state", entry.state().name(),
                        "error", entry.lastError() == null ? "" : entry.lastError()))
                .toList() : List.of());
        page.put("cancellable", invoice.state().isIssued() && invoice.state() != InvoiceState.CANCELLED
                && !invoice.isCorrection());
        page.put("errors", errors);
        page.put("done", ctx.queryParam("done") == null ? "" : ctx.queryParam("done").replaceAll("[^a-z]", ""));
        view.render(ctx, "invoice.ftlh", page);
    }

    private void issue(Context ctx) {
        Invoice invoice = document(ctx);
        if (invoice.state() != InvoiceState.DRAFT) {
            refuse(ctx, 409, "issue", "admin-invoice-not-draft");
            return;
        }
        if (invoice.draftLines().isEmpty()) {
            refuse(ctx, 422, "issue", "admin-invoice-no-lines");
            return;
        }
        Party buyer = invoice.customerId() == null ? null : profiles.buyer(invoice.customerId()).orElse(null);
        if (buyer == null) {
            refuse(ctx, 409, "issue", "admin-invoice-no-customer");
            return;
        }
        try {
            invoicing.issue(invoice.id(), buyer);
        } catch (InvoiceIssuedException e) {
            refuse(ctx, 409, "issue", "admin-invoice-not-draft");
            return;
        }
        ctx.redirect(BASE + "/" + invoice.id() + "?done=issued", HttpStatus.SEE_OTHER);
    }

    private void cancel(Context ctx) {
        Invoice invoice = document(ctx);
        String reason = ctx.formParam("reason") == null ? "" : ctx.formParam("reason").strip();
        if (reason.isEmpty()) {
            refuse(ctx, 422, "reason", "required");
            return;
        }
        try {
            corrections.cancel(invoice.id(), reason);
        } catch (CorrectionRefused e) {
            refuse(ctx, 409, "reason", "admin-invoice-not-cancellable");
            return;
        }
        ctx.redirect(BASE + "/" + invoice.id() + "?done=cancelled", HttpStatus.SEE_OTHER);
    }

    private void resend(Context ctx) {
        Invoice invoice = document(ctx);
        DeliveryChannel channel = "POST".equals(ctx.formParam("channel")) ? DeliveryChannel.POST : DeliveryChannel.EMAIL;
        if (!invoice.state().isIssued()) {
            refuse(ctx, 409, "resend", "admin-invoice-not-issued");
            return;
        }
        try {
            deliveries.resend(invoice.id(), channel);
        } catch (IllegalStateException e) {
            refuse(ctx, 409, "resend", "admin-invoice-not-sent");
            return;
        }
        ctx.redirect(BASE + "/" + invoice.id() + "?done=sent", HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, int status, String field, String code) {
        ctx.status(status);
        show(ctx, Map.of(field, code));
    }

    private Invoice document(Context ctx) {
        String id = ctx.pathParam("id");
        return store.find(id).orElseThrow(() -> ProblemException.notFound("There is no invoice " + id + "."));
    }

    private Map<String, Object> row(Context ctx, Invoice invoice) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", invoice.id());
        row.put("number", invoice.number() == null ? "" : invoice.number());
        row.put("series", invoice.series().name());
        row.put("state", invoice.state().name());
        row.put("customerId", invoice.customerId() == null ? "" : invoice.customerId());
        row.put("issueDate", invoice.issueDate() == null ? "" : invoice.issueDate().toString());
        row.put("dueDate", invoice.dueDate() == null ? "" : invoice.dueDate().toString());
        row.put("gross", invoice.gross() == null ? "" : view.money(ctx, invoice.gross()));
        row.put("outstanding", invoice.state().isIssued() && !invoice.isCorrection()
                ? view.money(ctx, invoice.outstanding()) : "");
        return row;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Map<String, String> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(field, "choice-invalid");
            return null;
        }
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, "admin-date-invalid");
            return null;
        }
    }
}
