package org.kontor.host.billing.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.pdf.InvoicePdf;
import org.kontor.host.web.ProblemException;

/**
 * A customer's issued documents (BIL-3): the list, one document, its PDF. Customers and resellers see only their own
 * (another's answers 404, as if it did not exist); the operator sees any.
 */
public final class InvoicesApi {

    private static final Access[] READERS = {Access.CUSTOMER, Access.RESELLER, Access.ADMIN};

    private final InvoiceStore store;
    private final InvoicePdf pdf;

    public InvoicesApi(InvoiceStore store, InvoicePdf pdf) {
        this.store = store;
        this.pdf = pdf;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/invoices", ctx -> ctx.json(Map.of("invoices",
                store.issuedTo(Caller.require(ctx).subject()).stream().map(InvoiceViews::summary).toList())),
                Access.CUSTOMER, Access.RESELLER);
        routes.get("/api/v1/invoices/{id}", ctx -> ctx.json(InvoiceViews.detail(readable(ctx))), READERS);
        routes.get("/api/v1/invoices/{id}/pdf", this::pdf, READERS);
    }

    private void pdf(Context ctx) {
        Invoice invoice = readable(ctx);
        byte[] document = pdf.render(invoice);
        ctx.header("Content-Disposition", "attachment; filename=\"" + invoice.number() + ".pdf\"");
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/pdf").result(document);
    }

    /** An issued document the caller may read. */
    private Invoice readable(Context ctx) {
        Caller caller = Caller.require(ctx);
        String id = ctx.pathParam("id");
        return store.find(id)
                .filter(invoice -> invoice.state().isIssued())
                .filter(invoice -> caller.role() == Access.ADMIN || caller.role() == Access.SUPPORT || caller.subject().equals(invoice.customerId()))
                .orElseThrow(() -> ProblemException.notFound("There is no invoice " + id + "."));
    }
}
