package org.kontor.host.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.risk.RiskHistory;
import org.kontor.host.risk.RiskRecord;
import org.kontor.host.web.ClientAddress;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * The cart, the checkout and orders as JSON (headless ordering). A customer's or reseller's cart is theirs
 * alone; an order is seen only by its customer and by the operator, who also releases or rejects orders in the
 * clearing center. Refused input answers 422 with every field's error and the first error's code as
 * {@code reason}.
 */
public final class OrdersApi {

    private static final Access[] BUYERS = {Access.CUSTOMER, Access.RESELLER};
    /** What a buyer reads of an order that risk checks sent to the clearing center. */
    static final String BUYERS_REVIEW_NOTE = "the order is reviewed by the operator before it is carried out";

    private final Carts carts;
    private final Checkout checkout;
    private final OrderStore orders;
    private final OrderFulfilment fulfilment;
    private final AddonCatalog addons;
    private final ObjectMapper json;
    private final Currency defaultCurrency;
    private final RiskHistory risk;

    public OrdersApi(Carts carts, Checkout checkout, OrderStore orders, OrderFulfilment fulfilment, AddonCatalog addons,
                     ObjectMapper json, Currency defaultCurrency) {
        this(carts, checkout, orders, fulfilment, addons, json, defaultCurrency, RiskHistory.NONE);
    }

    /**
     * @param risk the risk assessments of orders, shown as an order's {@code risk}
     */
    public OrdersApi(Carts carts, Checkout checkout, OrderStore orders, OrderFulfilment fulfilment, AddonCatalog addons,
                     ObjectMapper json, Currency defaultCurrency, RiskHistory risk) {
        this.risk = risk;
        this.carts = carts;
        this.checkout = checkout;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.addons = addons;
        this.json = json;
        this.defaultCurrency = defaultCurrency;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/addons", this::addonList, Access.PUBLIC);
        routes.get("/api/v1/cart", ctx -> ctx.json(cartView(carts.view(owner(ctx), currency(ctx)))), BUYERS);
        routes.post("/api/v1/cart/items", this::addItem, BUYERS);
        routes.patch("/api/v1/cart/items/{id}", this::changeItem, BUYERS);
        routes.delete("/api/v1/cart/items/{id}", ctx -> answer(ctx, () -> carts.removeItem(owner(ctx), ctx.pathParam("id"))), BUYERS);
        routes.put("/api/v1/cart/voucher", ctx -> answer(ctx, () -> carts.applyVoucher(owner(ctx), currency(ctx),
                text(body(ctx), "code"))), BUYERS);
        routes.delete("/api/v1/cart/voucher", ctx -> answer(ctx, () -> carts.removeVoucher(owner(ctx), currency(ctx))), BUYERS);
        routes.get("/api/v1/cart/payment-methods", this::paymentMethods, BUYERS);
        routes.post("/api/v1/orders", this::place, BUYERS);
        routes.get("/api/v1/orders", ctx -> ctx.json(Map.of("orders",
                orders.ofCustomer(Caller.require(ctx).subject()).stream().map(this::buyersView).toList())), BUYERS);
        routes.get("/api/v1/orders/{id}", ctx -> ctx.json(buyersView(ownOrder(ctx))), BUYERS);
        routes.get("/api/v1/clearing/orders", ctx -> ctx.json(Map.of("orders",
                orders.inState(List.of(OrderState.HELD_FOR_REVIEW)).stream().map(this::orderView).toList())),
                Access.ADMIN);
        routes.get("/api/v1/admin/orders/{id}", ctx -> ctx.json(orderView(anyOrder(ctx))), Access.ADMIN);
        routes.post("/api/v1/clearing/orders/{id}/release", ctx -> ctx.json(orderView(
                fulfilment.release(anyOrder(ctx).id()))), Access.ADMIN);
        routes.post("/api/v1/clearing/orders/{id}/reject", ctx -> {
            String reason = text(body(ctx), "reason");
            if (reason == null || reason.isBlank()) {
                throw ProblemException.validation("A rejection needs a reason.", Map.of("reason", "Give a reason."));
            }
            ctx.json(orderView(fulfilment.reject(anyOrder(ctx).id(), reason.strip())));
        }, Access.ADMIN);
        routes.post("/api/v1/clearing/orders/{id}/hold", ctx -> {
            String reason = text(body(ctx), "reason");
            ctx.json(orderView(fulfilment.holdForReview(anyOrder(ctx).id(),
                    reason == null || reason.isBlank() ? "flagged by the operator" : reason.strip())));
        }, Access.ADMIN);
    }

    private void addonList(Context ctx) {
        Currency currency = currency(ctx);
        List<Map<String, Object>> list = new ArrayList<>();
        addons.offered().forEach(product -> addons.price(product.id(), currency).ifPresent(price -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", product.id());
            view.put("kind", product.kind().name());
            view.put("name", product.name());
            view.put("description", product.description());
            view.put("perDomain", product.perDomain());
            view.put("price", money(price.amount()));
            view.put("periodMonths", price.periodMonths());
            list.add(view);
        }));
        ctx.json(Map.of("addons", list));
    }

    private void addItem(Context ctx) {
        JsonNode body = body(ctx);
        String kind = text(body, "kind");
        answer(ctx, () -> {
            if ("addon".equalsIgnoreCase(kind)) {
                return carts.addAddon(owner(ctx), currency(ctx), text(body, "product"), text(body, "domain"));
            }
            ItemKind itemKind = switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
                case "register" -> ItemKind.REGISTER;
                case "transfer" -> ItemKind.TRANSFER;
                default -> throw new OrderInputException(InputError.of("kind", "kind-invalid",
                        "kind is register, transfer or addon.", String.valueOf(kind)));
            };
            return carts.addDomain(owner(ctx), currency(ctx), new Carts.AddDomain(itemKind, text(body, "domain"),
                    integer(body, "years"), text(body, "authCode"), text(body, "signedMark")));
        });
        ctx.status(201);
    }

    private void changeItem(Context ctx) {
        JsonNode body = body(ctx);
        List<String> nameservers = null;
        if (body.has("nameservers")) {
            if (!body.get("nameservers").isArray()) {
                throw ProblemException.validation("nameservers is a list of host names.",
                        Map.of("nameservers", "Give a list of host names."));
            }
            nameservers = new ArrayList<>();
            for (JsonNode host : body.get("nameservers")) {
                nameservers.add(host.asText());
            }
        }
        List<String> hosts = nameservers;
        answer(ctx, () -> carts.updateItem(owner(ctx), Caller.require(ctx).subject(), ctx.pathParam("id"),
                new Carts.ItemChange(text(body, "holder"), hosts, integer(body, "years"))));
    }

    private void paymentMethods(Context ctx) {
        CartView cart = carts.view(owner(ctx), currency(ctx));
        ctx.json(Map.of("paymentMethods", checkout.paymentOptions(Caller.require(ctx).subject(), cart).stream()
                .map(option -> Map.of("id", option.id(), "paysAtOnce", option.funding())).toList()));
    }

    private void place(Context ctx) {
        JsonNode body = body(ctx);
        String key = ctx.header("Idempotency-Key");
        // A shop placing orders for its customers names the customer's address; else the caller's own is taken.
        String clientIp = ClientAddress.of(ctx);
        if (body.hasNonNull("clientIp")) {
            clientIp = ClientAddress.literal(body.get("clientIp").asText());
            if (clientIp == null) {
                throw ProblemException.validation("clientIp is an IPv4 or IPv6 address.",
                        Map.of("clientIp", "Give an IPv4 or IPv6 address."));
            }
        }
        Order order;
        try {
            order = checkout.place(new Checkout.PlaceOrder(Caller.require(ctx).subject(), key,
                    text(body, "paymentMethod"), body.path("acceptTerms").asBoolean(false), false, clientIp));
        } catch (OrderInputException e) {
            throw invalid(e);
        }
        ctx.status(201).json(buyersView(order));
    }

    private Order ownOrder(Context ctx) {
        return orders.find(Caller.require(ctx).subject(), ctx.pathParam("id"))
                .orElseThrow(() -> ProblemException.notFound("There is no order " + ctx.pathParam("id") + "."));
    }

    private Order anyOrder(Context ctx) {
        return orders.find(ctx.pathParam("id"))
                .orElseThrow(() -> ProblemException.notFound("There is no order " + ctx.pathParam("id") + "."));
    }

    private void answer(Context ctx, java.util.function.Supplier<CartView> change) {
        try {
            ctx.json(cartView(change.get()));
        } catch (OrderInputException e) {
            throw invalid(e);
        }
    }

    static ProblemException invalid(OrderInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InputError error : e.errors()) {
            errors.merge(error.field(), error.message(), (a, b) -> a + " " + b);
        }
        Problem problem = Problem.of(422, "order-input", "Invalid input", e.getMessage()).withErrors(errors)
                .withReason(e.errors().get(0).code());
        return new ProblemException(problem);
    }

    private CartOwner owner(Context ctx) {
        return CartOwner.customer(Caller.require(ctx).subject());
    }

    private Currency currency(Context ctx) {
        String code = ctx.queryParam("currency");
        if (code == null || code.isBlank()) {
            return defaultCurrency;
        }
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("The currency is invalid.", Map.of("currency",
                    "'" + code + "' is not a currency code such as DKK or EUR."));
        }
    }

    private JsonNode body(Context ctx) {
        return RequestBodies.objectOrEmpty(json, ctx);
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Integer integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt()) {
            throw ProblemException.validation(field + " must be a whole number.", Map.of(field, "Give a whole number."));
        }
        return node.asInt();
    }

    static Map<String, Object> cartView(CartView cart) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("currency", cart.currency().getCurrencyCode());
        List<Map<String, Object>> items = new ArrayList<>();
        for (CartView.PricedItem priced : cart.items()) {
            CartItem item = priced.item();
            Map<String, Object> itemView = new LinkedHashMap<>();
            itemView.put("id", item.id());
            itemView.put("kind", item.kind().name().toLowerCase(Locale.ROOT));
            if (item.domain() != null) {
                itemView.put("domain", item.domain().unicode());
                itemView.put("domainAscii", item.domain().ascii());
            }
            if (item.productId() != null) {
                itemView.put("product", item.productId());
            }
            itemView.put("description", priced.description());
            itemView.put("periodMonths", item.periodMonths());
            itemView.put("holder", item.holderContactId());
            itemView.put("nameservers", item.nameservers());
            itemView.put("signedMark", item.signedMark() != null);
            itemView.put("launchPhase", priced.launchPhase());
            itemView.put("price", priced.price() == null ? null : money(priced.price()));
            itemView.put("discount", money(priced.discount()));
            items.add(itemView);
        }
        view.put("items", items);
        view.put("subtotal", money(cart.subtotal()));
        view.put("voucher", cart.voucherCode());
        if (cart.voucherProblem() != null) {
            view.put("voucherProblem", Map.of("code", cart.voucherProblem().code(), "message", cart.voucherProblem().message()));
        }
        view.put("discount", money(cart.discount()));
        view.put("total", money(cart.total()));
        return view;
    }

    /** An order as staff see it: with the risk assessment that held it, else the latest. */
    Map<String, Object> orderView(Order order) {
        Map<String, Object> view = baseView(order);
        view.put("risk", risk.shown(order.id()).map(OrdersApi::riskView).orElse(null));
        return view;
    }

    /**
     * An order as its buyer sees it: without the risk assessment, and without the reasons of a hold that risk checks
     * caused — telling a buyer which signals fired would tell a fraudster what to change.
     */
    Map<String, Object> buyersView(Order order) {
        Map<String, Object> view = baseView(order);
        boolean heldByRisk = risk.shown(order.id()).filter(RiskRecord::held).isPresent();
        if (heldByRisk && order.reviewReason() != null) {
            view.put("reviewReason", BUYERS_REVIEW_NOTE);
        }
        return view;
    }

    /** An assessment as the API shows it: its score against the threshold, and each check's reasons. */
    static Map<String, Object> riskView(RiskRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", record.kind().name());
        view.put("score", record.score());
        view.put("threshold", record.threshold());
        view.put("held", record.held());
        view.put("assessedAt", record.assessedAt().toString());
        view.put("reasons", record.reasons().stream().map(reason -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("check", reason.check());
            item.put("code", reason.code());
            item.put("points", reason.points());
            item.put("message", reason.message());
            return item;
        }).toList());
        return view;
    }

    private static Map<String, Object> baseView(Order order) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", order.id());
        view.put("state", order.state().name());
        view.put("currency", order.currency().getCurrencyCode());
        view.put("subtotal", money(order.subtotal()));
        view.put("discount", money(order.discount()));
        view.put("total", money(order.total()));
        view.put("voucher", order.voucherCode());
        view.put("paymentMethod", order.paymentMethod());
        view.put("reviewReason", order.reviewReason());
        view.put("message", order.message());
        view.put("placedAt", order.placedAt().toString());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            Map<String, Object> lineView = new LinkedHashMap<>();
            lineView.put("line", line.lineNo());
            lineView.put("kind", line.kind().name().toLowerCase(Locale.ROOT));
            if (line.domain() != null) {
                lineView.put("domain", line.domain().unicode());
                lineView.put("domainAscii", line.domain().ascii());
            }
            if (line.productId() != null) {
                lineView.put("product", line.productId());
            }
            lineView.put("description", line.description());
            lineView.put("periodMonths", line.periodMonths());
            lineView.put("price", money(line.price()));
            lineView.put("discount", money(line.discount()));
            lineView.put("launchPhase", line.launchPhase());
            lineView.put("notBefore", line.notBefore() == null ? null : line.notBefore().toString());
            lineView.put("state", line.state().name());
            lineView.put("message", line.message());
            lines.add(lineView);
        }
        view.put("lines", lines);
        return view;
    }

    static Map<String, String> money(Money money) {
        return Map.of("amount", money.amount().toPlainString(), "currency", money.currencyCode());
    }
}
