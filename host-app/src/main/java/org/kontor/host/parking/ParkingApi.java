package org.kontor.host.parking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.domains.management.DomainManagementException;
import org.kontor.host.domains.management.DomainsApi;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * The JSON API of a domain's parking (TEC-4), documented in {@code openapi/host/parking.json}:
 * {@code GET /api/v1/domains/{name}/parking} (the parking and the providers to choose from), {@code PUT} (park with
 * {@code {"provider": "<id>"}}), {@code DELETE} (leave). Another customer's domain is 404, checked before the body is
 * read; refusals are problem+json with {@code reason}.
 */
public final class ParkingApi {

    static final String PATH = "/api/v1/domains/{name}/parking";
    private static final Access[] OWNERS = {Access.CUSTOMER, Access.RESELLER};

    private final DomainParking parking;
    private final ObjectMapper json;

    public ParkingApi(DomainParking parking, ObjectMapper json) {
        this.parking = parking;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, refusing(ctx -> ctx.json(view(parking.status(customer(ctx), name(ctx))))), OWNERS);
        routes.put(PATH, refusing(this::park), OWNERS);
        routes.delete(PATH, refusing(ctx -> {
            parking.leave(customer(ctx), name(ctx));
            ctx.json(view(parking.status(customer(ctx), name(ctx))));
        }), OWNERS);
    }

    private void park(Context ctx) {
        String customer = customer(ctx);
        parking.status(customer, name(ctx));
        JsonNode provider = RequestBodies.object(json, ctx).get("provider");
        if (provider == null || !provider.isTextual() || provider.asText().isBlank()) {
            throw ProblemException.validation("provider must be the id of a parking provider.",
                    Map.of("provider", "the id of a parking provider"));
        }
        Parking parked = parking.park(customer, name(ctx), provider.asText());
        ctx.status(parked.state() == ParkingState.PENDING ? 202 : 200)
                .json(view(parking.status(customer, name(ctx))));
    }

    static Map<String, Object> view(ParkingStatus status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("domain", status.domain().record().name().ascii());
        view.put("parked", status.parked());
        view.put("provider", status.parking().map(Parking::providerId).orElse(null));
        view.put("providerName", status.parking().isPresent() ? status.providerName() : null);
        view.put("state", status.parking().map(p -> p.state().name()).orElse(null));
        view.put("message", status.parking().map(Parking::message).orElse(null));
        view.put("parkedAt", status.parking().map(Parking::parkedAt).map(Object::toString).orElse(null));
        view.put("previousNameservers", status.parking().map(Parking::previousNameservers).orElse(null));
        view.put("nameservers", status.domain().live() == null ? null : status.domain().live().nameservers().stream()
                .map(ns -> ns.host().ascii()).toList());
        view.put("providers", status.providers().stream().map(choice -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", choice.id());
            item.put("name", choice.name());
            item.put("nameservers", choice.nameservers());
            return item;
        }).toList());
        return view;
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }

    private static String name(Context ctx) {
        return ctx.pathParam("name");
    }

    private static Handler refusing(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (DomainManagementException e) {
                throw DomainsApi.problem(e);
            } catch (ParkingException e) {
                String title = switch (e.reason().status()) {
                    case 409 -> "Conflict";
                    case 422 -> "Invalid input";
                    default -> "Refused by the parking provider";
                };
                Problem problem = Problem.of(e.reason().status(), e.reason().code(), title, e.getMessage())
                        .withReason(e.reason().code());
                if (e.reason() == ParkingException.Reason.UNKNOWN_PROVIDER) {
                    problem = problem.withErrors(Map.of("provider", e.getMessage()));
                }
                throw new ProblemException(problem);
            }
        };
    }
}
