package org.kontor.host.dns;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;

/**
 * A domain's DNS records in the customer center (CC-3, TEC-2): {@code /account/domains/{name}/dns} lists the records
 * and where their publication stands, adds one ({@code POST …/dns/records}, refused input shown at its field in the
 * customer's language with what was typed) and removes one ({@code POST …/dns/records/{id}/delete}). Template
 * {@code account/dns.ftlh}.
 */
public final class DnsPages {

    static final String PATH = "/account/domains/{name}/dns";
    private static final Access[] HOLDERS = {Access.CUSTOMER, Access.RESELLER};

    private final DnsZones zones;

    public DnsPages(DnsZones zones) {
        this.zones = zones;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> render(ctx, zones.zone(customer(ctx), domain(ctx)), Map.of(), List.of()), HOLDERS);
        routes.post(PATH + "/records", this::add, HOLDERS);
        routes.post(PATH + "/records/{id}/delete", this::delete, HOLDERS);
    }

    private void add(Context ctx) {
        DomainName domain = domain(ctx);
        RecordInput input = new RecordInput(ctx.formParam("name"), ctx.formParam("type"), ctx.formParam("ttl"),
                ctx.formParam("priority"), ctx.formParam("data"));
        try {
            zones.add(customer(ctx), domain, input);
        } catch (RecordRefusedException e) {
            ctx.status(422);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("name", input.name());
            form.put("type", input.type());
            form.put("ttl", input.ttl());
            form.put("priority", input.priority());
            form.put("data", input.data());
            render(ctx, zones.zone(customer(ctx), domain), form, e.errors());
            return;
        }
        ctx.redirect("/account/domains/" + domain.ascii() + "/dns?saved=added", HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx) {
        DomainName domain = domain(ctx);
        if (zones.remove(customer(ctx), domain, ctx.pathParam("id")).isEmpty()) {
            ctx.status(404);
            render(ctx, zones.zone(customer(ctx), domain), Map.of(), List.of());
            return;
        }
        ctx.redirect("/account/domains/" + domain.ascii() + "/dns?saved=removed", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, ZoneInfo zone, Map<String, String> form, List<RecordError> errors) {
        Map<String, Object> page = new LinkedHashMap<>(DnsApi.view(zone));
        page.put("form", form.isEmpty() ? Map.of("name", "", "type", "A", "ttl", "3600", "priority", "", "data", "")
                : form);
        Map<String, Map<String, String>> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), Map.of("code", error.code(), "arg", error.arg())));
        page.put("errors", byField);
        page.put("types", org.kontor.api.dns.DnsRecord.TYPES.stream().sorted().toList());
        String saved = ctx.queryParam("saved");
        page.put("saved", errors.isEmpty() && saved != null ? saved.replaceAll("[^a-z]", "") : "");
        ctx.render("account/dns.ftlh", page);
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    private static DomainName domain(Context ctx) {
        try {
            return DomainName.of(ctx.pathParam("name"));
        } catch (InvalidDomainNameException e) {
            throw new UnknownZoneException(ctx.pathParam("name"));
        }
    }
}
