package org.kontor.host.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.web.Access;
import org.kontor.host.addons.AddonService;
import org.kontor.host.addons.ServiceOperation;
import org.kontor.host.addons.ServiceOperations;
import org.kontor.host.addons.ServiceState;
import org.kontor.host.web.ProblemException;

/**
 * Add-on services in the admin (ADD-2): {@code /admin/services} lists the booked services by state, {@code
 * /admin/services/{id}} shows one with every call to its provisioner (key, attempts, answer); staff terminate a service
 * at once, suspend or unsuspend it, move it to another plan of the same kind and provisioner (the new price applies
 * from the next renewal), and send an open operation now or make a failed one again.
 */
public final class ServiceAdminPages {

    static final String BASE = "/admin/services";
    private static final int LIST_LIMIT = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("UTC"));

    private final ServiceOperations services;
    private final AdminView view;

    public ServiceAdminPages(ServiceOperations services, AdminView view) {
        this.services = services;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, this::list, Access.ADMIN);
        routes.get(BASE + "/{id}", this::show, Access.ADMIN);
        routes.post(BASE + "/{id}/terminate", ctx -> act(ctx, "terminated"), Access.ADMIN);
        routes.post(BASE + "/{id}/suspend", ctx -> act(ctx, "suspended"), Access.ADMIN);
        routes.post(BASE + "/{id}/unsuspend", ctx -> act(ctx, "unsuspended"), Access.ADMIN);
        routes.post(BASE + "/{id}/plan", this::changePlan, Access.ADMIN);
        routes.post(BASE + "/{id}/operations/{key}/retry", this::retry, Access.ADMIN);
    }

    private void list(Context ctx) {
        ServiceState state = state(ctx.queryParam("state"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AddonService service : services.store().latest(state, LIST_LIMIT)) {
            Map<String, Object> row = row(service);
            rows.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("services", rows);
        page.put("state", state == null ? "" : state.name());
        page.put("states", java.util.Arrays.stream(ServiceState.values()).map(Enum::name).toList());
        view.render(ctx, "services.ftlh", page);
    }

    private void show(Context ctx) {
        AddonService service = service(ctx);
        List<Map<String, Object>> operations = new ArrayList<>();
        for (ServiceOperation operation : services.store().operationsOf(service.id())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", operation.key().value());
            row.put("action", operation.action().wire());
            row.put("reason", operation.reason() == null ? "" : operation.reason());
            row.put("state", operation.state().name());
            row.put("attempts", operation.attempts());
            row.put("next", operation.state().isFinal() ? "" : TIME.format(operation.nextAttemptAt()));
            row.put("outcome", operation.outcomeStatus() == null ? "" : operation.outcomeStatus().name());
            row.put("code", operation.outcomeCode() == null ? "" : operation.outcomeCode());
            row.put("message", operation.outcomeMessage() == null ? "" : operation.outcomeMessage());
            row.put("reference", operation.remoteReference() == null ? "" : operation.remoteReference());
            row.put("created", TIME.format(operation.createdAt()));
            row.put("retryable", !operation.state().isFinal() || (operation.state() == ServiceOperation.State.FAILED
                    && operation.action() != org.kontor.host.addons.ServiceAct.CREATE));
            operations.add(row);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("service", row(service));
        page.put("operations", operations);
        page.put("plans", service.state() != ServiceState.ACTIVE ? List.of() : services.planTargets(service).stream()
                .map(product -> Map.of("id", product.id(), "name", product.name())).toList());
        page.put("done", ctx.queryParam("done") == null ? "" : ctx.queryParam("done").replaceAll("[^a-z-]", ""));
        page.put("error", ctx.queryParam("error") == null ? "" : ctx.queryParam("error").replaceAll("[^a-z-]", ""));
        view.render(ctx, "service.ftlh", page);
    }

    private void act(Context ctx, String done) {
        AddonService service = service(ctx);
        try {
            switch (done) {
                case "terminated" -> services.terminate(service.id(), "staff");
                case "suspended" -> services.suspend(service.id(), "staff");
                default -> services.unsuspend(service.id(), "staff");
            }
            ctx.redirect(BASE + "/" + service.id() + "?done=" + done, HttpStatus.SEE_OTHER);
        } catch (IllegalStateException e) {
            ctx.redirect(BASE + "/" + service.id() + "?error=not-now", HttpStatus.SEE_OTHER);
        }
    }

    private void changePlan(Context ctx) {
        AddonService service = service(ctx);
        String product = ctx.formParam("product") == null ? "" : ctx.formParam("product").strip();
        try {
            services.changePlan(service.id(), product);
            ctx.redirect(BASE + "/" + service.id() + "?done=plan-changed", HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException | IllegalStateException e) {
            ctx.redirect(BASE + "/" + service.id() + "?error=not-now", HttpStatus.SEE_OTHER);
        }
    }

    private void retry(Context ctx) {
        AddonService service = service(ctx);
        IdempotencyKey key;
        try {
            key = IdempotencyKey.of(ctx.pathParam("key"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no such operation.");
        }
        ServiceOperation operation = services.store().operation(key).filter(op -> op.serviceId().equals(service.id()))
                .orElseThrow(() -> ProblemException.notFound("There is no such operation."));
        try {
            services.retry(operation.key());
            ctx.redirect(BASE + "/" + service.id() + "?done=retried", HttpStatus.SEE_OTHER);
        } catch (IllegalStateException e) {
            ctx.redirect(BASE + "/" + service.id() + "?error=not-now", HttpStatus.SEE_OTHER);
        }
    }

    private AddonService service(Context ctx) {
        return services.store().find(ctx.pathParam("id"))
                .orElseThrow(() -> ProblemException.notFound("There is no service '" + ctx.pathParam("id") + "'."));
    }

    private static Map<String, Object> row(AddonService service) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", service.id());
        row.put("customerId", service.customerId());
        row.put("product", service.productId());
        row.put("domain", service.domain() == null ? "" : service.domain());
        row.put("orderId", service.orderId());
        row.put("state", service.state().name());
        row.put("provisioner", service.provisionerId() == null ? "" : service.provisionerId());
        row.put("plan", service.plan() == null ? "" : service.plan());
        row.put("reference", service.remoteReference() == null ? "" : service.remoteReference());
        row.put("note", service.note() == null ? "" : service.note());
        row.put("suspendedFor", service.suspendedFor() == null ? "" : service.suspendedFor());
        row.put("cancelAt", service.cancelAt() == null ? "" : TIME.format(service.cancelAt()));
        row.put("started", TIME.format(service.startedAt()));
        row.put("renews", TIME.format(service.renewsAt()));
        row.put("details", service.details().entrySet().stream()
                .map(entry -> Map.of("name", entry.getKey(), "value", entry.getValue())).toList());
        return row;
    }

    private static ServiceState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ServiceState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
