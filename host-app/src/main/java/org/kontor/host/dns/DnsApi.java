package org.kontor.host.dns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.InvalidDomainNameException;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * A domain's DNS zone in the JSON API: {@code GET /api/v1/domains/{name}/dns} (records, serial and where the last
 * publication stands), {@code POST …/dns/records}, {@code PUT …/dns/records/{id}}, {@code DELETE …/dns/records/{id}}
 * and {@code GET …/dns/zone-file} (the zone in master file form). Another customer's domain answers 404 like one that
 * does not exist; a refused record 422 with an error per field.
 */
public final class DnsApi {

    static final String BASE = "/api/v1/domains/{name}/dns";
    private static final Access[] HOLDERS = {Access.CUSTOMER, Access.RESELLER};

    private final DnsZones zones;
    private final BindZoneFiles files;
    private final ObjectMapper json;

    public DnsApi(DnsZones zones, BindZoneFiles files, ObjectMapper json) {
        this.zones = zones;
        this.files = files;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> ctx.json(view(zones.zone(customer(ctx), domain(ctx)))), HOLDERS);
        routes.post(BASE + "/records", ctx -> {
            ZoneInfo zone = refusedAs422(() -> zones.add(customer(ctx), domain(ctx), input(ctx)));
            ctx.status(201).json(view(zone));
        }, HOLDERS);
        routes.put(BASE + "/records/{id}", ctx -> ctx.json(view(refusedAs422(() -> zones.replace(customer(ctx),
                domain(ctx), ctx.pathParam("id"), input(ctx))).orElseThrow(() -> noRecord(ctx)))), HOLDERS);
        routes.delete(BASE + "/records/{id}", ctx -> ctx.json(view(zones.remove(customer(ctx), domain(ctx),
                ctx.pathParam("id")).orElseThrow(() -> noRecord(ctx)))), HOLDERS);
        routes.get(BASE + "/zone-file", ctx -> ctx.contentType("text/dns; charset=utf-8")
                .result(zones.zoneFile(customer(ctx), domain(ctx), files)), HOLDERS);
    }

    static Map<String, Object> view(ZoneInfo zone) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", zone.domain().unicode());
        view.put("domainAscii", zone.domain().ascii());
        view.put("serial", zone.serial());
        view.put("state", zone.state().name());
        view.put("error", zone.lastError());
        view.put("publishedSerial", zone.publishedSerial());
        view.put("publishedAt", zone.publishedAt() == null ? null : zone.publishedAt().toString());
        view.put("provider", zone.providerId());
        view.put("records", zone.records().stream().map(stored -> {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", stored.id());
            record.put("name", stored.record().name());
            record.put("type", stored.record().type());
            record.put("ttl", stored.record().ttl());
            record.put("priority", stored.record().priority());
            record.put("data", stored.record().data());
            return record;
        }).toList());
        return view;
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    private static DomainName domain(Context ctx) {
        try {
            return DomainName.of(ctx.pathParam("name"));
        } catch (InvalidDomainNameException e) {
            throw ProblemException.notFound("You have no domain " + ctx.pathParam("name") + ".");
        }
    }

    private static ProblemException noRecord(Context ctx) {
        return ProblemException.notFound("The zone has no record " + ctx.pathParam("id") + ".");
    }

    private RecordInput input(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("The body is not JSON.");
        }
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("The body is a JSON object with name, type, ttl, priority and data.");
        }
        return new RecordInput(text(body, "name"), text(body, "type"), text(body, "ttl"), text(body, "priority"),
                text(body, "data"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <T> T refusedAs422(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (RecordRefusedException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            throw new ProblemException(Problem.of(422, "validation", "Invalid input", e.getMessage())
                    .withErrors(errors).withReason(e.errors().get(0).code()));
        }
    }
}
