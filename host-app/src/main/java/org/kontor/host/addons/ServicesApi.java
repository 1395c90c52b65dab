package org.kontor.host.addons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.web.ProblemException;
import org.kontor.host.web.RequestBodies;

/**
 * The caller's add-on services in the JSON API (ADD-1): {@code GET /api/v1/services} lists them with state, details and
 * the plans each may move to; {@code POST /api/v1/services/{id}/cancel} ends one at the end of its paid period;
 * {@code POST /api/v1/services/{id}/plan} ({@code {"product": "…"}}) moves one to another product of the same kind and
 * provisioner, the new price applying from the next renewal. Another customer's service is 404; a service that does
 * not take the change now is 409; a product it may not move to is 422.
 */
public final class ServicesApi {

    static final String BASE = "/api/v1/services";
    private static final Access[] HOLDERS = {Access.CUSTOMER, Access.RESELLER};

    private final ServiceOperations services;
    private final ObjectMapper json;

    public ServicesApi(ServiceOperations services, ObjectMapper json) {
        this.services = services;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> ctx.json(Map.of("services", services.store().ofCustomer(customer(ctx)).stream()
                .map(this::view).toList())), HOLDERS);
        routes.post(BASE + "/{id}/cancel", ctx -> {
            AddonService service = own(ctx);
            try {
                ctx.json(view(services.cancelAtPeriodEnd(service.id())));
            } catch (IllegalStateException e) {
                throw ProblemException.conflict("A " + service.state() + " service cannot be cancelled.");
            }
        }, HOLDERS);
        routes.post(BASE + "/{id}/plan", ctx -> {
            AddonService service = own(ctx);
            JsonNode body = RequestBodies.object(json, ctx);
            String product = body.path("product").asText("").strip();
            try {
                ctx.json(view(services.changePlan(service.id(), product)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.validation("The service cannot move to '" + product + "'.",
                        Map.of("product", "a product of the same kind the service may move to"));
            } catch (IllegalStateException e) {
                throw ProblemException.conflict("The plan cannot be changed now: " + e.getMessage());
            }
        }, HOLDERS);
    }

    private Map<String, Object> view(AddonService service) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", service.id());
        view.put("product", service.productId());
        view.put("domain", service.domain());
        view.put("orderId", service.orderId());
        view.put("state", service.state().name());
        view.put("details", service.details());
        view.put("startedAt", service.startedAt().toString());
        view.put("renewsAt", service.renewsAt().toString());
        view.put("cancelAt", service.cancelAt() == null ? null : service.cancelAt().toString());
        view.put("planTargets", service.state() == ServiceState.ACTIVE
                ? services.planTargets(service).stream().map(AddonProduct::id).toList() : List.of());
        return view;
    }

    private AddonService own(Context ctx) {
        String customerId = customer(ctx);
        return services.store().find(ctx.pathParam("id")).filter(service -> service.customerId().equals(customerId))
                .orElseThrow(() -> ProblemException.notFound("You have no service '" + ctx.pathParam("id") + "'."));
    }

    private static String customer(Context ctx) {
        return Caller.require(ctx).subject();
    }
}
