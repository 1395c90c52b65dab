package org.kontor.host.domains.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * The JSON API of a customer's or reseller's own domains (CC-2, CC-3, CC-7, CC-8), documented in
 * {@code openapi/host/domains.json}: {@code GET /api/v1/domains}, {@code GET /api/v1/domains/{name}},
 * {@code PUT .../nameservers}, {@code POST .../auth-code}, {@code PUT .../lock}, {@code PUT .../auto-renew},
 * {@code POST .../cancellation}, {@code PUT .../holder}. Another customer's domain is 404, like one that does not
 * exist; the ownership is checked before the body is read. Refusals are problem+json with {@code reason}.
 */
public final class DomainsApi {

    static final String BASE = "/api/v1/domains";
    private static final Access[] OWNERS = {Access.CUSTOMER, Access.RESELLER};

    private final DomainManagement management;
    private final ObjectMapper json;

    public DomainsApi(DomainManagement management, ObjectMapper json) {
        this.management = management;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> ctx.json(management.list(customer(ctx)).stream().map(DomainsApi::summary).toList()),
                OWNERS);
        routes.get(BASE + "/{name}", refusing(ctx -> ctx.json(view(management.show(customer(ctx), name(ctx))))),
                OWNERS);
        routes.put(BASE + "/{name}/nameservers", refusing(this::nameservers), OWNERS);
        routes.post(BASE + "/{name}/auth-code", refusing(this::authCode), OWNERS);
        routes.put(BASE + "/{name}/lock", refusing(this::lock), OWNERS);
        routes.put(BASE + "/{name}/auto-renew", refusing(this::autoRenew), OWNERS);
        routes.post(BASE + "/{name}/cancellation", refusing(this::cancel), OWNERS);
        routes.put(BASE + "/{name}/holder", refusing(this::holder), OWNERS);
    }

    private void nameservers(Context ctx) {
        String customer = customer(ctx);
        management.find(customer, name(ctx));
        JsonNode hosts = RequestBodies.object(json, ctx).get("nameservers");
        List<String> list = new ArrayList<>();
        if (hosts == null || !hosts.isArray()) {
            throw ProblemException.validation("nameservers must be a list of host names.",
                    Map.of("nameservers", "a list of 2 to 13 host names"));
        }
        Map<String, List<String>> glue = new java.util.LinkedHashMap<>();
        hosts.forEach(host -> {
            // a host name, or {"host": ..., "addresses": [...]} for a nameserver inside the domain (glue)
            if (host.isObject()) {
                String hostName = host.path("host").asText("");
                list.add(hostName);
                List<String> addresses = new ArrayList<>();
                host.path("addresses").forEach(address -> addresses.add(address.asText("")));
                if (!addresses.isEmpty()) {
                    glue.put(hostName, addresses);
                }
            } else {
                list.add(host.isTextual() ? host.asText() : "");
            }
        });
        management.changeNameservers(customer, name(ctx), list, glue);
        ctx.json(view(management.show(customer, name(ctx))));
    }

    private void authCode(Context ctx) {
        String customer = customer(ctx);
        management.find(customer, name(ctx));
        boolean release = RequestBodies.objectOrEmpty(json, ctx).path("release").asBoolean(false);
        String code = release ? management.releaseForTransfer(customer, name(ctx))
                : management.authCode(customer, name(ctx));
        ctx.header("Cache-Control", "no-store").json(Map.of("domain", name(ctx), "authCode", code));
    }

    private void lock(Context ctx) {
        String customer = customer(ctx);
        management.find(customer, name(ctx));
        management.setTransferLock(customer, name(ctx), flag(RequestBodies.object(json, ctx), "locked"));
        ctx.json(view(management.show(customer, name(ctx))));
    }

    private void autoRenew(Context ctx) {
        String customer = customer(ctx);
        management.find(customer, name(ctx));
        ctx.json(summary(management.setAutoRenew(customer, name(ctx), flag(RequestBodies.object(json, ctx),
                "autoRenew"))));
    }

    private void cancel(Context ctx) {
        ctx.json(summary(management.cancel(customer(ctx), name(ctx))));
    }

    private void holder(Context ctx) {
        String customer = customer(ctx);
        management.find(customer, name(ctx));
        JsonNode body = RequestBodies.object(json, ctx);
        JsonNode contact = body.get("contact");
        DomainManagement.HolderChange change = management.changeHolder(customer, name(ctx),
                contact == null || !contact.isTextual() ? null : contact.asText(),
                body.path("acceptTerms").asBoolean(false));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", name(ctx));
        view.put("state", change.change().state().name());
        view.put("holder", change.change().detail());
        view.put("message", change.message());
        ctx.status(change.pending() ? 202 : 200).json(view);
    }

    // ---------------------------------------------------------------- views

    static Map<String, Object> summary(DomainRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", record.name().ascii());
        view.put("unicodeName", record.name().unicode());
        view.put("state", record.state().name());
        view.put("createdAt", record.createdAt() == null ? null : record.createdAt().toString());
        view.put("expiresAt", record.expiresAt() == null ? null : record.expiresAt().toString());
        view.put("autoRenew", record.autoRenew());
        view.put("cancelledAt", record.terminatedAt() == null ? null : record.terminatedAt().toString());
        return view;
    }

    private Map<String, Object> view(DomainDetails details) {
        Map<String, Object> view = summary(details.record());
        LocalDate lastDay = management.lastDayToCancel(details.record());
        view.put("cancellationNoticeDays", details.noticeDays());
        view.put("lastDayToCancel", lastDay == null ? null : lastDay.toString());
        Map<String, Object> registry = new LinkedHashMap<>();
        registry.put("reachable", details.registryProblem() == null);
        registry.put("problem", details.registryProblem() == null ? null : details.registryProblem().getMessage());
        registry.put("capabilities", details.capabilities().stream().map(Enum::name).sorted().toList());
        view.put("registry", registry);
        DomainInfo live = details.live();
        view.put("nameservers", live == null ? null : live.nameservers().stream().map(ns -> ns.host().ascii()).toList());
        view.put("statuses", live == null ? null : live.statuses().stream().sorted().toList());
        view.put("locked", live == null ? null : details.locked());
        view.put("registryAutoRenew", live == null ? null : live.autoRenew());
        view.put("history", details.history().stream().map(change -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", change.kind().name());
            item.put("state", change.state().name());
            item.put("detail", change.detail());
            item.put("at", change.at().toString());
            return item;
        }).toList());
        return view;
    }

    // ---------------------------------------------------------------- input and refusals

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    private static String name(Context ctx) {
        return ctx.pathParam("name");
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw ProblemException.validation(field + " must be true or false.", Map.of(field, "true or false"));
        }
        return value.asBoolean();
    }

    /** The handler with a {@link DomainManagementException} answered as problem+json. */
    private static Handler refusing(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (DomainManagementException e) {
                throw problem(e);
            }
        };
    }

    public static ProblemException problem(DomainManagementException e) {
        String title = switch (e.reason().status()) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 422 -> "Invalid input";
            case 502 -> "Refused by the registry";
            default -> "Registry unavailable";
        };
        Problem problem = Problem.of(e.reason().status(), e.reason().code(), title, e.getMessage())
                .withReason(e.reason().code());
        if (e.reason() == DomainManagementException.Reason.INVALID_NAMESERVERS) {
            problem = problem.withErrors(Map.of("nameservers", e.getMessage()));
        }
        return new ProblemException(problem);
    }
}
