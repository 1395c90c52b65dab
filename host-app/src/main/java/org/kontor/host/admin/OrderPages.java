package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.web.Access;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderState;
import org.kontor.host.orders.OrderStore;

/** Orders in the admin (ADM-2): the latest orders, newest first, optionally only those in one state. */
public final class OrderPages {

    static final int SHOWN = 100;

    private final OrderStore orders;
    private final AdminView view;

    public OrderPages(OrderStore orders, AdminView view) {
        this.orders = orders;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/orders", this::list, Access.ADMIN);
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
