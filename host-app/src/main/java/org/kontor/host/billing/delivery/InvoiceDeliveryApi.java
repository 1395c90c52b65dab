package org.kontor.host.billing.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.web.ProblemException;

/** The operator's view of how a document was sent, and sending it again (BIL-2, BIL-5). */
public final class InvoiceDeliveryApi {

    private final InvoiceDeliveries deliveries;
    private final InvoiceStore store;
    private final ObjectMapper json;

    public InvoiceDeliveryApi(InvoiceDeliveries deliveries, InvoiceStore store, ObjectMapper json) {
        this.deliveries = deliveries;
        this.store = store;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/invoices/{id}/deliveries", this::list, Access.ADMIN);
        routes.post("/api/v1/invoices/{id}/deliveries", this::resend, Access.ADMIN);
    }

    private void list(Context ctx) {
        String id = issuedId(ctx);
        ctx.json(Map.of("deliveries", deliveries.deliveries(id).stream().map(InvoiceDeliveryApi::view).toList()));
    }

    private void resend(Context ctx) {
        String id = issuedId(ctx);
        DeliveryChannel channel = channel(ctx);
        List<DeliveryLogEntry> added;
        try {
            added = deliveries.resend(id, channel);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("The document is not sent: " + e.getMessage() + ".");
        }
        ctx.status(201).json(Map.of("deliveries", added.stream().map(InvoiceDeliveryApi::view).toList()));
    }

    private String issuedId(Context ctx) {
        String id = ctx.pathParam("id");
        var invoice = store.find(id).orElseThrow(() -> ProblemException.notFound("There is no invoice " + id + "."));
        if (!invoice.state().isIssued()) {
            throw ProblemException.conflict("Invoice " + id + " is a draft; only issued documents are sent.");
        }
        return id;
    }

    private DeliveryChannel channel(Context ctx) {
        String body = ctx.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("The body is not JSON.");
        }
        if (!node.isObject()) {
            throw ProblemException.badRequest("The body is a JSON object.");
        }
        JsonNode channel = node.get("channel");
        if (channel == null || channel.isNull()) {
            return null;
        }
        try {
            return DeliveryChannel.valueOf(channel.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("The channel is invalid.", Map.of("channel", "EMAIL or POST."));
        }
    }

    private static Map<String, Object> view(DeliveryLogEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("channel", entry.channel().name());
        view.put("round", entry.round());
        view.put("recipient", entry.recipient());
        view.put("provider", entry.provider());
        view.put("state", entry.state().name());
        view.put("attempts", entry.attempts());
        view.put("lastError", entry.lastError());
        view.put("providerReference", entry.providerReference());
        view.put("createdAt", text(entry.createdAt()));
        view.put("updatedAt", text(entry.updatedAt()));
        view.put("sentAt", text(entry.sentAt()));
        return view;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
