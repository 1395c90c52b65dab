package org.kontor.host.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.dns.UnknownZoneException;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * Forwarding in the JSON API (TEC-1): {@code GET /api/v1/domains/{name}/forwarding}, {@code PUT|DELETE
 * …/forwarding/web/{label}} (label {@code @} for the domain itself), {@code PUT|DELETE …/forwarding/mail/{localPart}}
 * ({@code *} for the catch-all), and for the operator {@code GET /api/v1/admin/mail-forwarding/virtual} (the Postfix
 * virtual alias map; {@code ?part=domains} the list of domains). A refused input is 422 with the field; another
 * customer's domain 404.
 */
public final class ForwardingApi {

    static final String BASE = "/api/v1/domains/{name}/forwarding";
    private static final Access[] HOLDERS = {Access.CUSTOMER, Access.RESELLER};

    private final Forwardings forwardings;
    private final ObjectMapper json;

    public ForwardingApi(Forwardings forwardings, ObjectMapper json) {
        this.forwardings = forwardings;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> ctx.json(view(forwardings, customer(ctx), domain(ctx))), HOLDERS);
        routes.put(BASE + "/web/{label}", ctx -> {
            JsonNode body = RequestBodies.object(json, ctx);
            JsonNode status = body.get("status");
            Forwardings.Change change = refused(() -> forwardings.forward(customer(ctx), domain(ctx),
                    ctx.pathParam("label"), text(body, "target"), text(body, "type"),
                    status == null || status.isNull() ? null : status.asInt(), body.path("keepPath").asBoolean(false)));
            ctx.json(withReplaced(view(forwardings, customer(ctx), domain(ctx)), change));
        }, HOLDERS);
        routes.delete(BASE + "/web/{label}", ctx -> {
            if (!forwardings.removeForward(customer(ctx), domain(ctx), ctx.pathParam("label"))) {
                throw ProblemException.notFound("There is no forward of " + ctx.pathParam("label") + ".");
            }
            ctx.json(view(forwardings, customer(ctx), domain(ctx)));
        }, HOLDERS);
        routes.put(BASE + "/mail/{localPart}", ctx -> {
            JsonNode targets = RequestBodies.object(json, ctx).get("targets");
            if (targets == null || !targets.isArray()) {
                throw ProblemException.validation("targets must be a list of e-mail addresses.",
                        Map.of("targets", "a list of 1 to 20 e-mail addresses"));
            }
            List<String> list = new ArrayList<>();
            targets.forEach(target -> list.add(target.asText("")));
            Forwardings.Change change = refused(() -> forwardings.alias(customer(ctx), domain(ctx),
                    ctx.pathParam("localPart"), list));
            ctx.json(withReplaced(view(forwardings, customer(ctx), domain(ctx)), change));
        }, HOLDERS);
        routes.delete(BASE + "/mail/{localPart}", ctx -> {
            if (!forwardings.removeAlias(customer(ctx), domain(ctx), ctx.pathParam("localPart"))) {
                throw ProblemException.notFound("There is no alias " + ctx.pathParam("localPart") + ".");
            }
            ctx.json(view(forwardings, customer(ctx), domain(ctx)));
        }, HOLDERS);
        routes.get("/api/v1/admin/mail-forwarding/virtual", ctx -> ctx.contentType("text/plain; charset=utf-8")
                .result("domains".equals(ctx.queryParam("part")) ? forwardings.postfixDomains()
                        : forwardings.postfixVirtual()), Access.ADMIN);
    }

    static Map<String, Object> view(Forwardings forwardings, String customerId, DomainName domain) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", domain.unicode());
        view.put("domainAscii", domain.ascii());
        view.put("booked", forwardings.booked(customerId, domain));
        view.put("web", forwardings.forwards(customerId, domain).stream().map(forward -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("label", forward.label());
            item.put("host", forward.host());
            item.put("target", forward.target());
            item.put("type", forward.kind().name());
            item.put("status", forward.status());
            item.put("keepPath", forward.keepPath());
            return item;
        }).toList());
        view.put("mail", forwardings.aliases(customerId, domain).stream().map(alias -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("localPart", alias.localPart());
            item.put("address", alias.address());
            item.put("targets", alias.targets());
            return item;
        }).toList());
        return view;
    }

    private static Map<String, Object> withReplaced(Map<String, Object> view, Forwardings.Change change) {
        view.put("replacedRecords", change.replaced());
        return view;
    }

    static <T> T refused(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ForwardingRefusedException e) {
            throw new ProblemException(Problem.of(422, "validation", "Invalid input", e.getMessage())
                    .withErrors(Map.of(e.field(), e.getMessage())).withReason(e.code()));
        }
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    static DomainName domain(Context ctx) {
        try {
            return DomainName.of(ctx.pathParam("name"));
        } catch (InvalidDomainNameException e) {
            throw new UnknownZoneException(ctx.pathParam("name"));
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
