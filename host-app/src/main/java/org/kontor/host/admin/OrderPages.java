package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.web.Access;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderLine;
import org.kontor.host.orders.OrderState;
import org.kontor.host.orders.OrderStore;
import org.kontor.host.risk.RiskHistory;
import org.kontor.host.web.ProblemException;

/**
 * Orders in the admin (ADM-2): the latest orders, newest first, optionally only those in one state, and one order with
 * its lines, each line's domain operation at the registry (state, amount, registry answer), the order's invoice,
 * its payments and its risk assessments with their reasons.
 */
public final class OrderPages {

    static final int SHOWN = 100;

    private final OrderStore orders;
    private final OrderRelations relations;
    private final AdminView view;
    private final RiskHistory risk;

    public OrderPages(OrderStore orders, AdminView view) {
        this(orders, OrderRelations.NONE, view);
    }

    public OrderPages(OrderStore orders, OrderRelations relations, AdminView view) {
        this(orders, relations, RiskHistory.NONE, view);
    }

    /**
     * @param risk the risk assessments, listed on an order's page with their reasons
     */
    public OrderPages(OrderStore orders, OrderRelations relations, RiskHistory risk, AdminView view) {
        this.risk = risk;
        this.orders = orders;
        this.relations = relations;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/orders", this::list, Access.ADMIN);
        routes.get("/admin/orders/{id}", this::show, Access.ADMIN);
    }

    private void show(Context ctx) {
        String id = ctx.pathParam("id");
        Order order = orders.find(id).orElseThrow(() -> ProblemException.notFound("There is no order " + id + "."));
        Map<String, Object> page = new LinkedHashMap<>(rows(ctx, List.of(order)).get(0));
        page.put("paymentMethod", order.paymentMethod() == null ? "" : order.paymentMethod());
        page.put("subtotal", view.money(ctx, order.subtotal()));
        page.put("discount", order.discount().isPositive() ? view.money(ctx, order.discount()) : "");
        page.put("voucher", order.voucherCode() == null ? "" : order.voucherCode());
        page.put("vat", view.money(ctx, order.vat()));
        page.put("reviewReason", order.reviewReason() == null ? "" : order.reviewReason());
        page.put("message", order.message() == null ? "" : order.message());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("no", line.lineNo());
            row.put("kind", line.kind().name());
            row.put("item", line.domain() != null ? line.domain().unicode()
                    : line.productId() == null ? "" : line.productId());
            row.put("product", line.domain() != null && line.productId() != null ? line.productId() : "");
            row.put("months", line.periodMonths());
            row.put("due", view.money(ctx, line.amountDue()));
            row.put("state", line.state().name());
            row.put("message", line.message() == null ? "" : line.message());
            row.put("operation", relations.operation(line).map(operation -> {
                Map<String, Object> op = new LinkedHashMap<>();
                op.put("key", operation.key().value());
                op.put("state", operation.state().name());
                op.put("amount", operation.amount() == null ? "" : view.money(ctx, operation.amount()));
                op.put("registry", operation.registryId() == null ? "" : operation.registryId());
                op.put("code", operation.outcomeCode() == null ? "" : operation.outcomeCode());
                op.put("answer", operation.outcomeMessage() == null ? "" : operation.outcomeMessage());
                return op;
            }).orElse(Map.of()));
            lines.add(row);
        }
        page.put("lines", lines);
        page.put("risk", risk.of(order.id()).stream().map(ClearingPages::riskRow).toList());
        page.put("documents", relations.documents(order.id()).stream().map(document -> Map.of(
                "id", document.id(), "number", document.number(), "state", document.state(),
                "gross", view.money(ctx, document.gross()), "outstanding", view.money(ctx, document.outstanding())))
                .toList());
        page.put("payments", relations.payments(order.id()).stream().map(payment -> Map.of(
                "id", payment.id(), "gateway", payment.gateway(), "status", payment.status(),
                "amount", view.money(ctx, payment.amount()), "applied", payment.applied())).toList());
        view.render(ctx, "order.ftlh", page);
    }

    private void list(Context ctx) {
        Optional<OrderState> state = Arrays.stream(OrderState.values())
                .filter(candidate -> candidate.name().equals(ctx.queryParam("state"))).findFirst();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("state", state.map(Enum::name).orElse(""));
        page.put("states", Arrays.stream(OrderState.values()).map(Enum::name).toList());
        page.put("orders", rows(ctx, orders.latest(state, SHOWN)));
        view.render(ctx, "orders.ftlh", page);
    }

    /** Orders as the admin's tables show them. */
    List<Map<String, Object>> rows(Context ctx, List<Order> list) {
        return list.stream().map(order -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", order.id());
            row.put("customerId", order.customerId());
            row.put("state", order.state().name());
            row.put("total", view.money(ctx, order.total()));
            row.put("placed", order.placedAt().toString().substring(0, 16).replace('T', ' '));
            row.put("domains", order.lines().stream().filter(line -> line.domain() != null)
                    .map(line -> line.domain().unicode()).distinct().toList());
            row.put("note", order.reviewReason() != null && order.state() == OrderState.HELD_FOR_REVIEW
                    ? order.reviewReason() : order.message() == null ? "" : order.message());
            return row;
        }).toList();
    }
}
