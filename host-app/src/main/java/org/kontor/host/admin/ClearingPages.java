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
import org.kontor.api.risk.RiskSubject;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.Customers;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderFulfilment;
import org.kontor.host.orders.OrderState;
import org.kontor.host.orders.OrderStore;
import org.kontor.host.risk.RiskHistory;
import org.kontor.host.risk.RiskRecord;
import org.kontor.host.web.ProblemException;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.OperationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clearing center (ADM-9): the orders held for review with their reason, customer, total and age; each can be
 * released (it is then provisioned) or rejected (cancelled, its money given back) with a note. A release's note and
 * a rejection's reason are also kept as a note on the customer. Below them, the domain operations parked for review
 * ({@link HeldDomainOperations}) with the registry's or the host's reason: released (the same operation sent to
 * the registry again) or rejected (what is held given back), each decision also noted on the customer. An order
 * held by its risk assessment shows the score and each check's reasons; top-ups refused for review are listed too.
 */
public final class ClearingPages {

    private static final Logger LOG = LoggerFactory.getLogger(ClearingPages.class);
    /** The most top-ups refused for review the page lists, newest first. */
    private static final int HELD_TOP_UPS_SHOWN = 50;

    private final OrderStore orders;
    private final HeldDomainOperations operations;
    private final OrderFulfilment fulfilment;
    private final Customers customers;
    private final CustomerNotes notes;
    private final AdminView view;
    private final RiskHistory risk;
    private final Clock clock;

    public ClearingPages(OrderStore orders, HeldDomainOperations operations, OrderFulfilment fulfilment,
                         Customers customers, CustomerNotes notes, AdminView view, Clock clock) {
        this(orders, operations, fulfilment, customers, notes, view, RiskHistory.NONE, clock);
    }

    /**
     * @param risk the risk assessments: an order's reasons, and the top-ups refused for review
     */
    public ClearingPages(OrderStore orders, HeldDomainOperations operations, OrderFulfilment fulfilment,
                         Customers customers, CustomerNotes notes, AdminView view, RiskHistory risk, Clock clock) {
        this.risk = risk;
        this.orders = orders;
        this.operations = operations;
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
        routes.post("/admin/clearing/operations/{key}/release", this::releaseOperation, Access.ADMIN);
        routes.post("/admin/clearing/top-ups/{assessment}/release", this::releaseTopUp, Access.ADMIN);
        routes.post("/admin/clearing/operations/{key}/reject", this::rejectOperation, Access.ADMIN);
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
            // An assessment that found nothing says nothing about an order held for another reason.
            row.put("risk", risk.shown(order.id()).filter(record -> record.held() || !record.reasons().isEmpty())
                    .map(ClearingPages::riskRow).orElse(Map.of()));
            held.add(row);
        }
        List<Map<String, Object>> parked = new ArrayList<>();
        for (DomainOperation operation : operations.held()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", operation.key().value());
            row.put("domain", operation.domain().unicode());
            row.put("kind", operation.kind().name());
            row.put("customerId", operation.customerId());
            row.put("customer", customers.find(operation.customerId()).map(ClearingPages::customerName)
                    .orElse(operation.customerId()));
            row.put("amount", view.money(ctx, operation.amount()));
            row.put("code", operation.outcomeCode() == null ? "" : operation.outcomeCode());
            row.put("reason", operation.outcomeMessage() == null ? "" : operation.outcomeMessage());
            row.put("registry", operation.registryId());
            row.put("ageHours", Math.max(0, Duration.between(operation.updatedAt(), clock.instant()).toHours()));
            row.put("retryable", operations.retryable(operation));
            parked.add(row);
        }
        List<Map<String, Object>> topUps = new ArrayList<>();
        for (RiskRecord record : risk.held(RiskSubject.Kind.TOP_UP, HELD_TOP_UPS_SHOWN)) {
            Map<String, Object> row = new LinkedHashMap<>(riskRow(record));
            row.put("reference", record.reference());
            row.put("customerId", record.customerId());
            row.put("customer", customers.find(record.customerId()).map(ClearingPages::customerName)
                    .orElse(record.customerId()));
            row.put("at", record.assessedAt().toString().substring(0, 16).replace('T', ' '));
            topUps.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("orders", held);
        page.put("riskTopUps", topUps);
        page.put("operations", parked);
        page.put("operation", param(ctx, "operation"));
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

    /** Staff reviewed a top-up that risk checks refused: its owner may now pay it. */
    private void releaseTopUp(Context ctx) {
        String id = ctx.pathParam("assessment");
        String note = note(ctx);
        if (note.isEmpty()) {
            ctx.redirect("/admin/clearing?error=top-up-note-required", HttpStatus.SEE_OTHER);
            return;
        }
        RiskRecord record = risk.held(RiskSubject.Kind.TOP_UP, HELD_TOP_UPS_SHOWN).stream()
                .filter(held -> held.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no top-up waiting for review under '" + id + "'."));
        String staff = Caller.require(ctx).subject();
        if (risk.release(record.id(), staff, note, clock.instant())) {
            notes.add(record.customerId(), staff, "Top-up " + record.reference() + " released for payment: " + note);
        }
        ctx.redirect("/admin/clearing?done=top-up-released", HttpStatus.SEE_OTHER);
    }

    private void releaseOperation(Context ctx) {
        DomainOperation operation = heldOperation(ctx);
        String note = note(ctx);
        String back = "/admin/clearing?operation=" + operation.key().value() + "&";
        if (!operations.retryable(operation)) {
            ctx.redirect(back + "error=operation-not-retryable", HttpStatus.SEE_OTHER);
            return;
        }
        DomainOperation after;
        try {
            after = operations.release(operation);
        } catch (RuntimeException e) {
            LOG.warn("Releasing the held domain operation {} failed", operation.key(), e);
            ctx.redirect(back + "error=operation-failed", HttpStatus.SEE_OTHER);
            return;
        }
        notes.add(operation.customerId(), Caller.require(ctx).subject(), "Domain operation " + operation.key().value()
                + " (" + operation.kind() + " " + operation.domain().unicode() + ") released, now " + after.state()
                + (note.isEmpty() ? "" : ": " + note));
        ctx.redirect(back + "done=operation-" + after.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                HttpStatus.SEE_OTHER);
    }

    private void rejectOperation(Context ctx) {
        DomainOperation operation = heldOperation(ctx);
        String note = note(ctx);
        String back = "/admin/clearing?operation=" + operation.key().value() + "&";
        if (note.isEmpty()) {
            ctx.redirect(back + "error=operation-note-required", HttpStatus.SEE_OTHER);
            return;
        }
        operations.reject(operation, note);
        notes.add(operation.customerId(), Caller.require(ctx).subject(), "Domain operation " + operation.key().value()
                + " (" + operation.kind() + " " + operation.domain().unicode() + ") rejected: " + note);
        ctx.redirect(back + "done=operation-rejected", HttpStatus.SEE_OTHER);
    }

    /** The operation named in the path, which must be waiting for review (else 404, or 409 when decided already). */
    private DomainOperation heldOperation(Context ctx) {
        IdempotencyKey key;
        try {
            key = IdempotencyKey.of(ctx.pathParam("key"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no domain operation '" + ctx.pathParam("key") + "'.");
        }
        DomainOperation operation = operations.find(key).orElseThrow(() ->
                ProblemException.notFound("There is no domain operation '" + key.value() + "'."));
        if (operation.state() != OperationState.HELD_FOR_REVIEW) {
            throw new ProblemException(org.kontor.host.web.Problem.of(409, "not-held", "Not held for review",
                    "The domain operation " + key.value() + " is " + operation.state() + " and no longer held for review."));
        }
        return operation;
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

    /** An assessment as the admin's pages show it: score, threshold, and each check's reasons. */
    static Map<String, Object> riskRow(RiskRecord record) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", record.id());
        row.put("kind", record.kind().name());
        row.put("score", record.score());
        row.put("threshold", record.threshold());
        row.put("held", record.held());
        row.put("reasons", record.reasons().stream().map(reason -> Map.<String, Object>of("check", reason.check(),
                "code", reason.code(), "points", reason.points(), "message", reason.message())).toList());
        return row;
    }

    static String customerName(Customer customer) {
        return customer.company() == null || customer.company().isBlank() ? customer.name()
                : customer.name() + " (" + customer.company() + ")";
    }
}
