package org.kontor.plugins.provisioning.webhook;

import io.javalin.http.Context;
import java.util.Map;
import org.kontor.api.PluginContext;
import org.kontor.api.web.Access;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RouteContributor;
import org.pf4j.Extension;

/**
 * {@code POST /hooks/provisioning-webhook/confirmations}: the third party confirms an operation it accepted earlier
 * (see {@link Confirmations}). 200 when recorded or a repeat, 202 when the status is not final yet, 400 for a wrong
 * signature or body, 503 while the plugin is not configured.
 */
@Extension
public class CallbackRoutes implements RouteContributor {

    private final Confirmations confirmations;

    public CallbackRoutes(PluginContext context) {
        this.confirmations = new Confirmations(context);
    }

    @Override
    public void routes(PluginRoutes routes) {
        routes.webhooks().post("/confirmations", Access.PUBLIC, this::confirm);
    }

    private void confirm(Context ctx) {
        Confirmations.Result result = confirmations.accept(ctx.header(WebhookSignature.HEADER), ctx.body());
        switch (result) {
            case RECORDED -> ctx.status(200).json(Map.of("recorded", true));
            case IGNORED -> ctx.status(202).json(Map.of("recorded", false));
            case NOT_CONFIGURED -> problem(ctx, 503, "not-configured", "The provisioner is not configured.");
            case BAD_SIGNATURE -> problem(ctx, 400, "signature", "The Kontor-Signature header does not verify.");
            default -> problem(ctx, 400, "body", "The body is not a confirmation with a key and a status.");
        }
    }

    private static void problem(Context ctx, int status, String type, String detail) {
        ctx.status(status).contentType("application/problem+json").result("{\"type\":\"https://kontor.dev/problems/"
                + "provisioning-webhook/" + type + "\",\"title\":\"Confirmation refused\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
