package org.kontor.host.payments.webhooks;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.host.payments.PaymentGateways;
import org.kontor.host.web.ProblemException;

/**
 * {@code POST /hooks/<plugin id>} and below for each plugin that contributes a payment gateway: the request is stored
 * first (committed), then verified and applied; 200 once it is stored and genuine, 400 when the gateway rejects it.
 * A request that could not be applied yet (FAILED) still answers 200: it is kept and tried again.
 */
public final class WebhookRoutes {

    private final WebhookInbox inbox;
    private final WebhookProcessor processor;
    private final PaymentGateways gateways;

    public WebhookRoutes(WebhookInbox inbox, WebhookProcessor processor, PaymentGateways gateways) {
        this.inbox = inbox;
        this.processor = processor;
        this.gateways = gateways;
    }

    public void register(RoutesConfig routes) {
        for (String pluginId : gateways.pluginIds()) {
            Handler handler = ctx -> receive(ctx, pluginId);
            routes.post("/hooks/" + pluginId, handler, Access.PUBLIC);
            routes.post("/hooks/" + pluginId + "/<path>", handler, Access.PUBLIC);
        }
    }

    private void receive(Context ctx, String pluginId) {
        InboxEntry entry = inbox.receive(pluginId, ctx.bodyAsBytes(), headers(ctx), ctx.ip());
        String id = entry.id();
        InboxState state = processor.process(entry);
        if (state == InboxState.REJECTED) {
            throw ProblemException.badRequest("The notification was not accepted.");
        }
        ctx.json(Map.of("id", id, "state", state.name()));
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            if (name.equalsIgnoreCase("cookie")) {
                continue;
            }
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                    .addAll(Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }
}
