package org.kontor.host.storefront.cart;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.addons.AddonCatalog;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderLine;
import org.kontor.host.orders.OrderState;
import org.kontor.host.orders.OrderStore;
import org.kontor.host.web.ProblemException;

/**
 * The customer's orders (ORD-10): {@code GET /orders}, newest first, and {@code GET /orders/{id}} with the state of
 * the order and of each line; while the order is on its way the page asks {@code /api/v1/orders/{id}} every few
 * seconds and reloads when something changed. Another customer's order is not found (404). Templates
 * {@code orders/list.ftlh} and {@code orders/order.ftlh}.
 */
public final class OrderPages {

    static final String PATH = "/orders";
    private static final Access[] BUYERS = {Access.CUSTOMER, Access.RESELLER};
    /** The order states in which the page keeps looking for changes. */
    private static final Set<OrderState> MOVING = Set.of(OrderState.PLACED, OrderState.FUNDED, OrderState.PROVISIONING);

    private final OrderStore orders;
    private final AddonCatalog addons;
    private final LocaleResolver locales;

    OrderPages(OrderStore orders, AddonCatalog addons, LocaleResolver locales) {
        this.orders = orders;
        this.addons = addons;
        this.locales = locales;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list, BUYERS);
        routes.get(PATH + "/{id}", this::show, BUYERS);
    }

    private void list(Context ctx) {
        Locale locale = locale(ctx);
        List<Map<String, Object>> list = orders.ofCustomer(Caller.require(ctx).subject()).stream()
                .map(order -> view(order, locale, addons)).toList();
        ctx.render("orders/list.ftlh", Map.of("orders", list));
    }

    private void show(Context ctx) {
        String id = ctx.pathParam("id");
        Order order = orders.find(Caller.require(ctx).subject(), id)
                .orElseThrow(() -> ProblemException.notFound("There is no order " + id + "."));
        ctx.render("orders/order.ftlh", Map.of("order", view(order, locale(ctx), addons)));
    }

    private Locale locale(Context ctx) {
        return Locale.forLanguageTag(locales.language(ctx).code());
    }

    static Map<String, Object> view(Order order, Locale locale, AddonCatalog addons) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", order.id());
        view.put("state", order.state().name());
        view.put("final", order.state().isFinal());
        view.put("moving", MOVING.contains(order.state()));
        view.put("placedAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.of("Europe/Copenhagen")).format(order.placedAt()));
        view.put("subtotal", PageViews.money(order.subtotal(), locale));
        view.put("hasDiscount", order.discount().isPositive());
        view.put("discount", PageViews.money(order.discount(), locale));
        view.put("total", PageViews.money(order.total(), locale));
        view.put("hasVat", !order.tax().isNone());
        view.put("vat", PageViews.money(order.vat(), locale));
        view.put("vatRate", order.tax().rate().toPlainString());
        view.put("vatTreatment", order.tax().treatment());
        view.put("voucher", order.voucherCode() == null ? "" : order.voucherCode());
        view.put("payment", order.paymentMethod());
        view.put("domains", order.lines().stream().filter(line -> line.domain() != null)
                .map(line -> line.domain().unicode()).distinct().collect(Collectors.joining(", ")));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            Map<String, Object> lineView = new LinkedHashMap<>();
            lineView.put("no", line.lineNo());
            lineView.put("kind", line.kind().name().toLowerCase(Locale.ROOT));
            lineView.put("domain", line.domain() == null ? "" : line.domain().unicode());
            lineView.put("product", line.productId() == null ? "" : line.productId());
            lineView.put("productName", PageViews.productName(addons, line.productId()));
            lineView.put("years", line.periodMonths() / 12);
            lineView.put("months", line.periodMonths());
            lineView.put("price", PageViews.money(line.price(), locale));
            lineView.put("hasDiscount", line.discount().isPositive());
            lineView.put("discount", PageViews.money(line.discount(), locale));
            lineView.put("due", PageViews.money(line.net(), locale));
            lineView.put("state", line.state().name());
            lineView.put("launchPhase", line.launchPhase() == null ? "" : line.launchPhase());
            lines.add(lineView);
        }
        view.put("lines", lines);
        view.put("signature", signature(order));
        return view;
    }

    /** The order's state and its lines' states, as the page's script compares them with the API's answer. */
    static String signature(Order order) {
        return order.state().name() + ":" + order.lines().stream().map(line -> line.state().name())
                .collect(Collectors.joining(","));
    }
}
