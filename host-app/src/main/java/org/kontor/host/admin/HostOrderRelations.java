package org.kontor.host.admin;

import java.util.List;
import java.util.Optional;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Series;
import org.kontor.host.orders.OrderLine;
import org.kontor.host.payments.PaymentPurpose;
import org.kontor.host.payments.PaymentStore;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.DomainOperationStore;

/** {@link OrderRelations} from the host's domain operations, invoices and payments. */
public final class HostOrderRelations implements OrderRelations {

    private final DomainOperationStore operations;
    private final InvoiceStore invoices;
    private final PaymentStore payments;

    public HostOrderRelations(DomainOperationStore operations, InvoiceStore invoices, PaymentStore payments) {
        this.operations = operations;
        this.invoices = invoices;
        this.payments = payments;
    }

    @Override
    public Optional<DomainOperation> operation(OrderLine line) {
        return line.operationKey() == null ? Optional.empty() : operations.find(line.operationKey());
    }

    @Override
    public List<Document> documents(String orderId) {
        return invoices.findByOrder(orderId, Series.INVOICE).stream()
                .map(invoice -> new Document(invoice.id(), invoice.number() == null ? "" : invoice.number(),
                        invoice.state().name(), invoice.gross() == null ? org.kontor.api.money.Money.zero(invoice.currency())
                                : invoice.gross(), invoice.outstanding()))
                .toList();
    }

    @Override
    public List<OrderPayment> payments(String orderId) {
        return payments.ofTarget(PaymentPurpose.ORDER, orderId).stream()
                .map(payment -> new OrderPayment(payment.id(), payment.gatewayId(), payment.status().name(),
                        payment.amount(), payment.applied()))
                .toList();
    }
}
