package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderFulfilment;
import org.kontor.host.orders.OrderState;
import org.kontor.host.orders.OrderStore;
import org.kontor.host.web.ProblemException;

/**
 * The clearing center (ADM-9): the orders held for review with their reason, customer, total and age; each can be
 * released (it is then provisioned) or rejected (cancelled, its money given back) with a note. A release's note and
 * a rejection's reason are also kept as a note on the customer.
 */
public final class ClearingPages {

    private final OrderStore orders;
    private final OrderFulfilment fulfilment;
    private final Customers customers;
    private final CustomerNotes notes;
    private final AdminView view;
    private final Clock clock;

    public ClearingPages(OrderStore orders, OrderFulfilment fulfilment, Customers customers, CustomerNotes notes,
                         AdminView view, Clock clock) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.customers = customers;
        this.notes = notes;
        this.view = view;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/clearing", this::list, Access.ADMIN);
        routes.post("/admin/clearing/{id}/release", this::release, Access.ADMIN);
        routes.post("/admin/clearing/{id}/reject", this::reject, Access.ADMIN);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> held = new ArrayList<>();
        for (Order order : orders.inState(List.of(OrderState.HELD_FOR_REVIEW))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", order.id());
            row.put("customerId", order.customerId());
            row.put("customer", customers.find(order.customerId()).map(ClearingPages::customerName).orElse(order.customerId()));
            row.put("total", view.money(ctx, order.total()));
            row.put("reason", order.reviewReason() == null ? "" : order.reviewReason());
            row.put("ageHours", Math.max(0, Duration.between(order.updatedAt(), clock.instant()).toHours()));
            row.put("domains", order.lines().stream().filter(line -> line.domain() != null)
                    .map(line -> line.domain().unicode()).distinct().toList());
            held.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("orders", held);
        page.put("done", param(ctx, "done"));
        page.put("order", param(ctx, "order"));
        page.put("error", param(ctx, "error"));
        view.render(ctx, "clearing.ftlh", page);
    }

    private void release(Context ctx) {
        Order order = heldOrder(ctx);
        String note = note(ctx);
        Order released = fulfilment.release(order.id());
        if (!note.isEmpty()) {
            notes.add(order.customerId(), Caller.require(ctx).subject(), "Order " + order.id() + " released: " + note);
        }
        ctx.redirect("/admin/clearing?done=released&order=" + released.id(), HttpStatus.SEE_OTHER);
    }

    private void reject(Context ctx) {
        Order order = heldOrder(ctx);
        String note = note(ctx);
        if (note.isEmpty()) {
            ctx.redirect("/admin/clearing?error=note-required&order=" + order.id(), HttpStatus.SEE_OTHER);
            return;
        }
        Order rejected = fulfilment.reject(order.id(), note);
        notes.add(order.customerId(), Caller.require(ctx).subject(), "Order " + order.id() + " rejected: " + note);
        ctx.redirect("/admin/clearing?done=rejected&order=" + rejected.id(), HttpStatus.SEE_OTHER);
    }

    private Order heldOrder(Context ctx) {
        return orders.find(ctx.pathParam("id"))
                .orElseThrow(() -> ProblemException.notFound("There is no order '" + ctx.pathParam("id") + "'."));
    }

    private static String note(Context ctx) {
        String note = ctx.formParam("note");
        String text = note == null ? "" : note.strip();
        if (text.length() > CustomerNotes.MAX_LENGTH) {
            text = text.substring(0, CustomerNotes.MAX_LENGTH);
        }
        return text;
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value;
    }

    static String customerName(Customer customer) {
        return customer.company() == null || customer.company().isBlank() ? customer.name()
                : customer.name() + " (" + customer.company() + ")";
    }
}
