package org.kontor.host.billing.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Invoicing;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Party;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.VatTreatment;
import org.kontor.host.billing.profile.BillingProfiles;
import org.kontor.host.billing.vat.VatDecision;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.orders.LineState;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderLine;
import org.kontor.host.orders.OrderState;
import org.kontor.host.orders.OrderStore;

/**
 * The invoice of a completed order (BIL-1): one line per delivered order line with the net and VAT the customer was
 * charged at checkout, issued under the order's VAT decision and recorded as paid (the payment arrived before the
 * order was provisioned). An order paid from a prepaid account gets none: its draws are invoiced by the monthly
 * settlement. A customer excluded from invoicing (PAY-4) gets none. Invoicing an order twice gives the first invoice.
 */
public final class OrderInvoicing {

    private final OrderStore orders;
    private final Invoicing invoicing;
    private final BillingProfiles profiles;
    private final Customers customers;
    private final Jdbi jdbi;

    public OrderInvoicing(OrderStore orders, Invoicing invoicing, BillingProfiles profiles, Customers customers, Jdbi jdbi) {
        this.orders = orders;
        this.invoicing = invoicing;
        this.profiles = profiles;
        this.customers = customers;
        this.jdbi = jdbi;
    }

    /** Invoices a completed order if it is to be invoiced; the invoice, issued now or before. */
    public Optional<Invoice> invoice(String orderId) {
        Order order = orders.find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        if (order.state() != OrderState.COMPLETED || order.tax().isNone()) {
            return Optional.empty();
        }
        Optional<Invoice> earlier = invoicing.store().findByOrder(orderId, Series.INVOICE);
        if (earlier.isPresent() && earlier.get().state() != InvoiceState.DRAFT) {
            return earlier;
        }
        Customer customer = customers.find(order.customerId()).orElseThrow();
        if (profiles.of(customer.id()).invoicingExcluded()) {
            return Optional.empty();
        }
        List<DraftLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            if (line.state() == LineState.COMPLETED) {
                lines.add(new DraftLine(line.description(), BigDecimal.ONE, line.net(), order.tax().rate(), line.vat()));
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String draftId = invoicing.store().createDraft(new NewDraft(Series.INVOICE, customer.id(), orderId,
                customer.language(), order.currency(), null, lines));
        Party buyer = BillingProfiles.buyer(customer, profiles.of(customer.id()));
        VatDecision decision = VatDecision.of(VatTreatment.valueOf(order.tax().treatment()), order.tax().country(),
                order.tax().rate());
        Invoice issued;
        try {
            issued = invoicing.issue(draftId, buyer, decision, order.tax().buyerVatCheck());
        } catch (org.kontor.host.billing.InvoiceIssuedException e) {
            return invoicing.store().find(draftId); // a concurrent call issued it
        }
        if (issued.gross().isPositive()) {
            issued = invoicing.store().recordPayment(issued.id(), issued.gross());
        }
        return Optional.of(issued);
    }

    /** Completed orders to be invoiced that have no issued invoice yet (a host stopped in between), oldest first. */
    public List<String> uninvoiced(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT o.id FROM customer_order o WHERE o.state = 'COMPLETED' "
                        + "AND o.vat_treatment IS NOT NULL AND o.vat_treatment <> 'NONE' "
                        + "AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.order_id = o.id AND i.series = 'INVOICE' "
                        + "AND i.state <> 'DRAFT') "
                        + "AND NOT EXISTS (SELECT 1 FROM billing_profile p WHERE p.customer_id = o.customer_id "
                        + "AND p.invoicing_excluded = 1) "
                        + "AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.state = 'COMPLETED') "
                        + "ORDER BY o.updated_at LIMIT " + limit)
                .mapTo(String.class).list());
    }
}
