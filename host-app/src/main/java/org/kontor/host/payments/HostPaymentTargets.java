package org.kontor.host.payments;

import java.util.Optional;
import org.kontor.api.money.Money;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceIssuedException;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Series;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderFulfilment;
import org.kontor.host.orders.OrderState;
import org.kontor.host.orders.OrderStore;

/**
 * The host's targets: an order AWAITING_PAYMENT is funded through {@link OrderFulfilment#paid} (a conditional state
 * change) and its invoice, if one is issued and open, booked; an invoice's payment is booked through
 * {@link InvoiceStore#recordPayment} under the payment's key; a top-up's payment needs nothing here (the prepaid account
 * plugin hears of it through {@code PaymentSucceeded}).
 */
public final class HostPaymentTargets implements PaymentTargets {

    private final OrderStore orders;
    private final OrderFulfilment fulfilment;
    private final InvoiceStore invoices;
    private final TopUpDirectory topUps;

    public HostPaymentTargets(OrderStore orders, OrderFulfilment fulfilment, InvoiceStore invoices, TopUpDirectory topUps) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.invoices = invoices;
        this.topUps = topUps;
    }

    @Override
    public Optional<Due> due(PaymentPurpose purpose, String targetId, String customerId) {
        return switch (purpose) {
            case ORDER -> (customerId == null ? orders.find(targetId) : orders.find(customerId, targetId))
                    .filter(order -> order.state() == OrderState.AWAITING_PAYMENT)
                    .map(order -> new Due(order.customerId(), order.total(), "Order " + order.id(), order.id()));
            case INVOICE -> invoices.find(targetId)
                    .filter(invoice -> customerId == null || customerId.equals(invoice.customerId()))
                    .filter(HostPaymentTargets::open)
                    .map(invoice -> new Due(invoice.customerId(), invoice.outstanding(), "Invoice " + invoice.number(),
                            invoice.number()));
            case TOP_UP -> topUps.open(targetId)
                    .filter(topUp -> customerId == null || customerId.equals(topUp.ownerId()))
                    .map(topUp -> new Due(topUp.ownerId(), topUp.net(), "Top-up " + topUp.id(), topUp.id()));
        };
    }

    @Override
    public String reference(PaymentPurpose purpose, String targetId) {
        if (purpose == PaymentPurpose.INVOICE) {
            return invoices.find(targetId).map(Invoice::number).filter(number -> number != null).orElse(targetId);
        }
        return targetId;
    }

    @Override
    public String apply(Payment payment) {
        return switch (payment.purpose()) {
            case ORDER -> applyToOrder(payment);
            case INVOICE -> book(payment.targetId(), payment.amount(), payment);
            case TOP_UP -> null;
        };
    }

    @Override
    public boolean appliesWithoutWrites(Payment payment) {
        return payment.purpose() == PaymentPurpose.TOP_UP;
    }

    @Override
    public String takeBack(Payment moneyBack, Payment original) {
        return switch (original.purpose()) {
            case INVOICE -> unbook(original.targetId(), moneyBack);
            case ORDER -> invoices.findByOrder(original.targetId(), Series.INVOICE)
                    .map(invoice -> unbook(invoice.id(), moneyBack)).orElse(null);
            case TOP_UP -> null;
        };
    }

    private String unbook(String invoiceId, Payment moneyBack) {
        try {
            return invoices.recordPaymentReturned(invoiceId, moneyBack.amount(), moneyBack.providerReference() == null
                    ? moneyBack.id() : moneyBack.providerReference(), moneyBack.key().value()).id();
        } catch (InvoiceIssuedException | IllegalArgumentException e) {
            throw new PaymentTargetException("invoice " + invoiceId + ": " + e.getMessage());
        }
    }

    private String applyToOrder(Payment payment) {
        Order order;
        try {
            order = fulfilment.paid(payment.targetId());
        } catch (IllegalArgumentException e) {
            throw new PaymentTargetException("there is no order " + payment.targetId());
        }
        if (order.state() == OrderState.CANCELLED || order.state() == OrderState.PLACED) {
            throw new PaymentTargetException("order " + order.id() + " is " + order.state() + "; it was not funded");
        }
        Optional<Invoice> invoice = invoices.findByOrder(order.id(), Series.INVOICE).filter(HostPaymentTargets::open);
        if (invoice.isEmpty()) {
            return invoices.findByOrder(order.id(), Series.INVOICE).map(Invoice::id).orElse(null);
        }
        Money outstanding = invoice.get().outstanding();
        Money amount = payment.amount().isGreaterThan(outstanding) ? outstanding : payment.amount();
        return book(invoice.get().id(), amount, payment);
    }

    private String book(String invoiceId, Money amount, Payment payment) {
        try {
            return invoices.recordPayment(invoiceId, amount, payment.providerReference() == null
                    ? payment.id() : payment.providerReference(), payment.key().value()).id();
        } catch (InvoiceIssuedException e) {
            throw new PaymentTargetException("invoice " + invoiceId + " no longer takes payments: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new PaymentTargetException(e.getMessage());
        }
    }

    private static boolean open(Invoice invoice) {
        return invoice.series() == Series.INVOICE
                && (invoice.state() == InvoiceState.ISSUED || invoice.state() == InvoiceState.PARTIALLY_PAID)
                && invoice.outstanding().isPositive();
    }
}
