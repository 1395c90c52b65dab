package org.kontor.host.payments;

import java.util.Optional;
import org.kontor.api.money.Money;
import org.kontor.api.risk.RiskSubject;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceIssuedException;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.billing.Series;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderFulfilment;
import org.kontor.host.orders.OrderState;
import org.kontor.host.orders.OrderStore;
import org.kontor.host.risk.RiskAssessor;
import org.kontor.host.risk.RiskRecord;
import org.kontor.host.risk.RiskRequest;

/**
 * The host's targets: an order AWAITING_PAYMENT is funded through {@link OrderFulfilment#paid} (a conditional state
 * change) and its invoice, if one is issued and open, booked; before that the payment is assessed for risk (kind
 * PAYMENT, with the card's fingerprint when the gateway reported one), and an order it holds waits for review instead; an invoice's payment is booked through
 * {@link InvoiceStore#recordPayment} under the payment's key; a top-up's payment needs nothing here (the prepaid account
 * plugin hears of it through {@code PaymentSucceeded}).
 */
public final class HostPaymentTargets implements PaymentTargets {

    private final OrderStore orders;
    private final OrderFulfilment fulfilment;
    private final InvoiceStore invoices;
    private final TopUpDirectory topUps;
    private final RiskAssessor risk;

    public HostPaymentTargets(OrderStore orders, OrderFulfilment fulfilment, InvoiceStore invoices, TopUpDirectory topUps) {
        this(orders, fulfilment, invoices, topUps, RiskAssessor.NONE);
    }

    public HostPaymentTargets(OrderStore orders, OrderFulfilment fulfilment, InvoiceStore invoices, TopUpDirectory topUps,
                              RiskAssessor risk) {
        this.risk = risk;
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
            order = fulfilment.paid(payment.targetId(), riskHold(payment));
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

    /**
     * Assesses the payment of an order still waiting for it (a second apply of the same payment finds it funded and
     * asks nothing); the review reason when the assessment holds the order, else null.
     */
    private String riskHold(Payment payment) {
        Optional<Order> awaiting = orders.find(payment.targetId())
                .filter(order -> order.state() == OrderState.AWAITING_PAYMENT);
        if (awaiting.isEmpty()) {
            return null;
        }
        Order order = awaiting.get();
        boolean firstOrder = orders.ofCustomer(order.customerId()).stream()
                .noneMatch(other -> !other.id().equals(order.id()) && other.state() != OrderState.CANCELLED);
        RiskRecord assessed = risk.assess(new RiskRequest(RiskSubject.Kind.PAYMENT, order.id(), order.customerId(), null,
                payment.amount(), payment.gatewayId(), firstOrder, payment.cardFingerprint(),
                order.lines().stream().filter(line -> line.domain() != null).map(line -> line.domain().tld().ascii())
                        .distinct().toList()));
        return assessed.held() ? assessed.summary() : null;
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
