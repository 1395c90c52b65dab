package org.kontor.host.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.event.OrderCheckedOut;
import org.kontor.api.event.OrderPlaced;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.risk.RiskSubject;
import org.kontor.host.catalog.Violation;
import org.kontor.host.risk.RiskAssessor;
import org.kontor.host.risk.RiskRecord;
import org.kontor.host.risk.RiskRequest;

/**
 * Places an order from a customer's cart (ORD-5, ORD-10): checks every item once more with the holder chosen,
 * prices it, uses the voucher, writes the order and its lines in one transaction, then funds it — holding every
 * line's amount on the funding source — and hands it to {@link OrderFulfilment}. When the funds do not cover it,
 * every hold made is released, the voucher's use is given back, the order is cancelled and the cart stays as it
 * was. Placing again with the same request key returns the first order.
 */
public final class Checkout {

    private final Carts carts;
    private final OrderStore orders;
    private final OrderVouchers vouchers;
    private final HolderDirectory holders;
    private final PaymentOptions payments;
    private final OrderFulfilment fulfilment;
    private final Supplier<ReviewRules> reviewRules;
    private final EventPublisher events;
    private final OrderTaxes taxes;
    private final RiskAssessor risk;
    private final Clock clock;

    /** A checkout that asks no risk checks. */
    public Checkout(Carts carts, OrderStore orders, OrderVouchers vouchers, HolderDirectory holders,
                    PaymentOptions payments, OrderFulfilment fulfilment, Supplier<ReviewRules> reviewRules,
                    EventPublisher events, OrderTaxes taxes, Clock clock) {
        this(carts, orders, vouchers, holders, payments, fulfilment, reviewRules, events, taxes, RiskAssessor.NONE, clock);
    }

    public Checkout(Carts carts, OrderStore orders, OrderVouchers vouchers, HolderDirectory holders,
                    PaymentOptions payments, OrderFulfilment fulfilment, Supplier<ReviewRules> reviewRules,
                    EventPublisher events, OrderTaxes taxes, RiskAssessor risk, Clock clock) {
        this.taxes = taxes;
        this.risk = risk;
        this.carts = carts;
        this.orders = orders;
        this.vouchers = vouchers;
        this.holders = holders;
        this.payments = payments;
        this.fulfilment = fulfilment;
        this.reviewRules = reviewRules;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the customer chose on the review page.
     *
     * @param requestKey    chosen by the client once per checkout (the form's hidden field, the API's Idempotency-Key)
     * @param paymentMethod a funding source id ({@code prepaid-account}) or a payment gateway id
     * @param trackingAllowed whether the customer agreed to analytics in the browser they checked out with
     * @param clientIp      the address the customer checked out from as the host saw it (or as the API client named
     *                      it), or null; risk checks see it
     */
    public record PlaceOrder(String customerId, String requestKey, String paymentMethod, boolean termsAccepted,
                             boolean trackingAllowed, String clientIp) {

        public PlaceOrder(String customerId, String requestKey, String paymentMethod, boolean termsAccepted,
                          boolean trackingAllowed) {
            this(customerId, requestKey, paymentMethod, termsAccepted, trackingAllowed, null);
        }

        /** An order from a client where the customer agreed to no analytics (the JSON API). */
        public PlaceOrder(String customerId, String requestKey, String paymentMethod, boolean termsAccepted) {
            this(customerId, requestKey, paymentMethod, termsAccepted, false);
        }
    }

    /**
     * What paying the cart through a payment gateway would cost with VAT, decided as the checkout decides it.
     *
     * @param vat   the VAT, each item's rounded as the order's lines are
     * @param total the cart's net total plus that VAT
     */
    public record VatQuote(OrderTax tax, Money vat, Money total) {
    }

    /** The VAT this customer would pay on the cart through a payment gateway; may ask a VAT id service. */
    public VatQuote vatQuote(String customerId, CartView cart) {
        OrderTax tax = taxes.taxFor(customerId);
        Money vat = Money.zero(cart.currency());
        for (CartView.PricedItem item : cart.items()) {
            if (item.amountDue() != null) {
                vat = vat.plus(tax.vatOn(item.amountDue()));
            }
        }
        return new VatQuote(tax, vat, cart.total().plus(vat));
    }

    /** The ways this customer can pay the cart now. */
    public List<PaymentOptions.Option> paymentOptions(String customerId, CartView cart) {
        return payments.options(customerId, kinds(cart), cart.currency());
    }

    public Order place(PlaceOrder request) {
        CartOwner owner = CartOwner.customer(request.customerId());
        String requestKey = request.requestKey() == null ? "" : request.requestKey().strip();
        if (requestKey.isEmpty() || requestKey.length() > 100) {
            throw new OrderInputException(InputError.of("requestKey", "request-key-required",
                    "A checkout needs a request key of 1 to 100 characters (the Idempotency-Key header)."));
        }
        Optional<Order> earlier = orders.jdbi().withHandle(h -> orders.byRequestKey(h, request.customerId(), requestKey));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<CartStore.CartRow> row = carts.store().find(owner);
        List<CartItem> items = row.map(r -> carts.store().items(r.id())).orElse(List.of());
        if (row.isEmpty() || items.isEmpty()) {
            throw new OrderInputException(InputError.of("cart", "cart-empty", "The cart is empty."));
        }
        CartStore.CartRow cart = row.get();
        CartView view = carts.view(cart, items);
        Instant now = clock.instant();
        List<InputError> errors = new ArrayList<>(check(request.customerId(), view, now));
        if (!request.termsAccepted()) {
            errors.add(InputError.of("terms", "terms-required", "Accept the terms and conditions to order."));
        }
        if (view.voucherProblem() != null) {
            errors.add(view.voucherProblem());
        }
        List<PaymentOptions.Option> options = paymentOptions(request.customerId(), view);
        Optional<PaymentOptions.Option> payment = options.stream()
                .filter(option -> option.id().equals(request.paymentMethod())).findFirst();
        if (payment.isEmpty()) {
            errors.add(InputError.of("payment", "payment-method-unavailable", "'" + request.paymentMethod()
                    + "' cannot pay this order; choose one of " + options.stream().map(PaymentOptions.Option::id).toList()
                    + ".", String.valueOf(request.paymentMethod())));
        }
        if (!errors.isEmpty()) {
            throw new OrderInputException(errors);
        }

        // Paid from a funding source (a prepaid account), the order draws net amounts: the reseller paid the VAT with the
        // top-up, which its advance tax document and the monthly settlement account for.
        OrderTax tax = payment.get().funding() ? OrderTax.none() : taxes.taxFor(request.customerId());
        String orderId = newOrderId(now);
        List<OrderLine> lines = lines(orderId, view, now);
        List<String> tlds = lines.stream().filter(l -> l.domain() != null).map(l -> l.domain().tld().ascii()).distinct().toList();
        boolean firstOrder = orders.ofCustomer(request.customerId()).stream()
                .noneMatch(order -> order.state() != OrderState.CANCELLED);
        String reviewReason = reviewRules.get().reason(view.total(), tlds, firstOrder).orElse(null);
        // Before the order's transaction: a check may call a remote service. Kept under the order's id.
        RiskRecord assessed = risk.assess(new RiskRequest(RiskSubject.Kind.ORDER, orderId, request.customerId(),
                request.clientIp(), view.total(), request.paymentMethod(), firstOrder, null, tlds));
        if (assessed.held()) {
            reviewReason = reviewReason == null ? assessed.summary() : reviewReason + "; " + assessed.summary();
        }
        Order placed = withVat(new Order(orderId, request.customerId(), view.currency(), view.subtotal(),
                Money.zero(view.currency()), view.subtotal(), view.voucherCode(), request.paymentMethod(), OrderState.PLACED,
                reviewReason, null, now, now, lines, Money.zero(view.currency()), tax));

        Order order = orders.jdbi().inTransaction(h -> {
            Optional<Order> raced = orders.byRequestKey(h, request.customerId(), requestKey);
            if (raced.isPresent()) {
                return raced.get();
            }
            Order withDiscount = placed;
            if (view.voucherCode() != null) {
                OrderVouchers.Discount discount = vouchers.redeem(h, view.voucherCode(), request.customerId(), orderId,
                        voucherLines(placed.lines()), now);
                withDiscount = withVat(applyDiscount(placed, discount));
            }
            orders.insert(h, withDiscount, requestKey, now);
            events.publish(h, new OrderPlaced(orderId, request.customerId(), withDiscount.total()));
            return withDiscount;
        });
        if (!order.id().equals(orderId)) {
            return order; // a concurrent request with the same key placed it
        }
        Order funded = fulfilment.fund(order, () -> carts.store().jdbi().useTransaction(h -> carts.store().clear(h, cart.id())));
        // After funding, so that an order the funds do not cover (cancelled, with an exception) is never reported.
        events.publish(checkedOut(funded, request.trackingAllowed()));
        return funded;
    }

    /** What analytics learns of a checked-out order: totals and lines, no holder, no domain's owner. */
    static OrderCheckedOut checkedOut(Order order, boolean trackingAllowed) {
        List<OrderCheckedOut.Item> items = order.lines().stream().map(line -> new OrderCheckedOut.Item(
                line.kind() == ItemKind.ADDON ? line.productId()
                        : line.kind().name().toLowerCase(java.util.Locale.ROOT) + "." + line.domain().tld().ascii(),
                line.description(),
                line.kind() == ItemKind.ADDON ? "addon" : "domain-" + line.kind().name().toLowerCase(java.util.Locale.ROOT),
                line.net(), 1)).toList();
        return new OrderCheckedOut(order.id(), order.customerId(), order.total(), order.vat(), items, trackingAllowed);
    }

    /** Everything the checkout refuses in a cart: holders missing or not fit for the TLD, items without a price. */
    List<InputError> check(String customerId, CartView view, Instant now) {
        List<InputError> errors = new ArrayList<>();
        for (int i = 0; i < view.items().size(); i++) {
            CartView.PricedItem priced = view.items().get(i);
            CartItem item = priced.item();
            String field = "items[" + i + "]";
            String name = item.domain() == null ? item.productId() : item.domain().unicode();
            if (priced.price() == null) {
                errors.add(InputError.of(field, "no-price", name + " has no price in " + view.currency() + ".", name,
                        view.currency().getCurrencyCode()));
            }
            if (!item.kind().isDomain()) {
                if (item.domain() != null && !carts.addonDomainAllowed(customerId, item.domain(),
                        view.items().stream().map(CartView.PricedItem::item).toList())) {
                    errors.add(InputError.of(field + ".domain", "addon-domain-not-in-cart",
                            item.domain().unicode() + " is neither in the cart nor one of your domains.",
                            item.domain().unicode()));
                }
                continue;
            }
            if (item.holderContactId() == null) {
                errors.add(InputError.of(field + ".holder", "holder-required", "Choose the holder of " + name + ".", name));
                continue;
            }
            Optional<HolderDirectory.Holder> holder = holders.holder(customerId, item.holderContactId());
            if (holder.isEmpty()) {
                errors.add(InputError.of(field + ".holder", "unknown-holder", "The holder of " + name
                        + " is no longer among your contacts.", name));
                continue;
            }
            for (Violation violation : carts.holderViolations(item, holder.get())) {
                errors.add(Carts.fromViolation(field + ".holder", violation));
            }
            if (item.kind() == ItemKind.REGISTER && "sunrise".equals(priced.launchPhase()) && item.signedMark() == null) {
                errors.add(InputError.of(field + ".signedMark", "sunrise-needs-smd", "." + item.domain().tld().unicode()
                        + " is in its sunrise phase: a registration needs a signed mark data (SMD) file.",
                        item.domain().tld().unicode()));
            }
        }
        return errors;
    }

    private List<OrderLine> lines(String orderId, CartView view, Instant now) {
        List<OrderLine> lines = new ArrayList<>();
        int lineNo = 0;
        for (CartView.PricedItem priced : view.items()) {
            CartItem item = priced.item();
            lineNo++;
            ChargeKind chargeKind = carts.pricing().chargeKind(item);
            String phase = item.kind() == ItemKind.REGISTER ? priced.launchPhase() : null;
            Instant notBefore = null;
            if ("pre-registration".equals(phase)) {
                notBefore = carts.entry(item.domain()).map(carts::generalAvailability).orElse(null);
            }
            lines.add(new OrderLine(orderId, lineNo, item.kind(), chargeKind, item.domain(), item.productId(),
                    priced.description(), item.periodMonths(), priced.price(), Money.zero(view.currency()),
                    item.holderContactId(), item.nameservers(), item.authCodeSealed(), item.signedMark(), phase,
                    notBefore, IdempotencyKey.derive("order", orderId, String.valueOf(lineNo)), LineState.WAITING, null,
                    Money.zero(view.currency())));
        }
        return lines;
    }

    private static Order applyDiscount(Order order, OrderVouchers.Discount discount) {
        List<OrderLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            lines.add(line.withDiscountAndVat(discount.of(line.lineId()), line.vat()));
        }
        return new Order(order.id(), order.customerId(), order.currency(), order.subtotal(), discount.total(),
                order.subtotal().minus(discount.total()), discount.code(), order.paymentMethod(), order.state(),
                order.reviewReason(), order.message(), order.placedAt(), order.updatedAt(), lines, order.vat(),
                order.tax());
    }

    /** Each line's VAT on its discounted net, rounded per line as the invoice rounds it; the total is their sum. */
    private static Order withVat(Order order) {
        List<OrderLine> lines = new ArrayList<>();
        Money vat = Money.zero(order.currency());
        for (OrderLine line : order.lines()) {
            Money lineVat = order.tax().vatOn(line.net());
            lines.add(line.withDiscountAndVat(line.discount(), lineVat));
            vat = vat.plus(lineVat);
        }
        return new Order(order.id(), order.customerId(), order.currency(), order.subtotal(), order.discount(),
                order.net().plus(vat), order.voucherCode(), order.paymentMethod(), order.state(), order.reviewReason(),
                order.message(), order.placedAt(), order.updatedAt(), lines, vat, order.tax());
    }

    private static List<OrderVouchers.Line> voucherLines(List<OrderLine> lines) {
        return lines.stream().map(line -> new OrderVouchers.Line(line.lineId(),
                line.domain() == null ? null : line.domain().tld().ascii(),
                line.chargeKind(), line.price())).toList();
    }

    private Set<ChargeKind> kinds(CartView view) {
        Set<ChargeKind> kinds = new LinkedHashSet<>();
        for (CartView.PricedItem item : view.items()) {
            kinds.add(carts.pricing().chargeKind(item.item()));
        }
        return kinds;
    }

    private static String newOrderId(Instant now) {
        return "O-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd").withZone(java.time.ZoneOffset.UTC).format(now)
                + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
