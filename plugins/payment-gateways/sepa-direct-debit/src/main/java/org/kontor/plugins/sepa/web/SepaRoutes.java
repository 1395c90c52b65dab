package org.kontor.plugins.sepa.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.PluginContext;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.api.web.PluginRoutes;
import org.kontor.api.web.RequestLanguage;
import org.kontor.api.web.RouteContributor;
import org.kontor.plugins.sepa.Sepa;
import org.kontor.plugins.sepa.SepaException;
import org.kontor.plugins.sepa.collection.Collection;
import org.kontor.plugins.sepa.collection.CollectionState;
import org.kontor.plugins.sepa.file.CollectionFiles;
import org.kontor.plugins.sepa.mandate.Mandate;
import org.kontor.plugins.sepa.mandate.MandateState;
import org.kontor.plugins.sepa.mandate.NewMandate;
import org.kontor.plugins.sepa.mandate.Scheme;
import org.kontor.plugins.sepa.returns.Pain002Returns;
import org.kontor.plugins.sepa.returns.ReturnNotice;
import org.kontor.plugins.sepa.returns.Returns;
import org.pf4j.Extension;

/**
 * The JSON API under {@code /api/v1/p/payment-sepa/}: the debtor's own mandates ({@code mandates…} for customers,
 * {@code reseller/mandates…} for resellers), and the operator's mandates, collections, collection files and returns ({@code admin/…}).
 */
@Extension
public class SepaRoutes implements RouteContributor {

    private static final int LIST_LIMIT = 500;

    private final PluginContext context;
    private final ObjectMapper json = new ObjectMapper();

    public SepaRoutes(PluginContext context) {
        this.context = context;
    }

    @Override
    public void routes(PluginRoutes routes) {
        Sepa sepa = Sepa.of(context);
        // A route has one role: customers use mandates/…, resellers (who pay their own invoices) reseller/mandates/….
        debtorRoutes(routes, sepa, "", Access.CUSTOMER);
        debtorRoutes(routes, sepa, "/reseller", Access.RESELLER);
        Access a = Access.ADMIN;
        routes.api()
                .get("/admin/mandates", a, Problems.api(ctx -> ctx.json(Map.of("mandates", sepa.mandates()
                        .list(state(ctx, MandateState.class), LIST_LIMIT).stream().map(SepaRoutes::view).toList()))))
                .post("/admin/mandates/{id}/revoke", a, Problems.api(ctx -> ctx.json(view(sepa.mandates()
                        .revoke(ctx.pathParam("id"), Caller.require(ctx).subject(), reason(ctx))))))
                .get("/admin/collections", a, Problems.api(ctx -> ctx.json(Map.of("collections", sepa.collections()
                        .list(state(ctx, CollectionState.class), LIST_LIMIT).stream().map(SepaRoutes::view).toList()))))
                .post("/admin/files", a, Problems.api(ctx -> produce(sepa.files(), ctx)))
                .get("/admin/files/{id}", a, Problems.api(ctx -> download(sepa.files(), ctx)))
                .post("/admin/returns", a, Problems.api(ctx -> importReturns(sepa.returns(), ctx, listed(ctx))))
                .post("/admin/returns/pain002", a, Problems.api(ctx -> importReturns(sepa.returns(), ctx,
                        Pain002Returns.read(ctx.bodyAsBytes()))))
                .post("/admin/returns/report", a, Problems.api(ctx -> ctx.json(Map.of("reported",
                        sepa.returns().reportAll()))))
                .get("/admin/returns", a, Problems.api(ctx -> ctx.json(Map.of("notifications",
                        sepa.returns().all(LIST_LIMIT).stream().map(SepaRoutes::view).toList()))));
    }

    private void debtorRoutes(PluginRoutes routes, Sepa sepa, String prefix, Access debtor) {
        routes.api()
                .get(prefix + "/mandates", debtor, Problems.api(ctx -> ownMandates(sepa, ctx)))
                .post(prefix + "/mandates", debtor, Problems.api(ctx -> createMandate(sepa, ctx)))
                .get(prefix + "/mandates/{id}", debtor, Problems.api(ctx -> ctx.json(view(own(sepa, ctx)))))
                .post(prefix + "/mandates/{id}/revoke", debtor, Problems.api(ctx -> ctx.json(view(sepa.mandates()
                        .revoke(own(sepa, ctx).id(), Caller.require(ctx).subject(), "revoked by the debtor")))));
    }

    private void ownMandates(Sepa sepa, Context ctx) {
        ctx.json(Map.of("mandates", sepa.mandates().ofCustomer(Caller.require(ctx).subject()).stream()
                .map(SepaRoutes::view).toList()));
    }

    private void createMandate(Sepa sepa, Context ctx) {
        JsonNode body = body(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate signedOn = null;
        try {
            signedOn = LocalDate.parse(body.path("signedOn").asText(""));
        } catch (DateTimeParseException e) {
            errors.put("signedOn", "signedOn must be a date such as 2026-11-30");
        }
        Scheme scheme = null;
        try {
            scheme = Scheme.valueOf(body.path("scheme").asText("CORE").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("scheme", "scheme must be CORE or B2B");
        }
        if (!errors.isEmpty()) {
            throw SepaException.invalid(errors);
        }
        String language = body.hasNonNull("language") ? body.get("language").asText() : RequestLanguage.of(ctx);
        Mandate mandate = sepa.mandates().create(Caller.require(ctx).subject(), new NewMandate(
                body.path("reference").asText(null), body.path("debtorName").asText(null),
                body.path("iban").asText(null), body.path("bic").asText(null), signedOn, scheme,
                body.path("recurring").asBoolean(true), body.path("email").asText(null), language));
        ctx.status(201).json(view(mandate));
    }

    /** The caller's own mandate; another's is answered as unknown. */
    private static Mandate own(Sepa sepa, Context ctx) {
        return sepa.mandates().find(ctx.pathParam("id"))
                .filter(m -> m.customerId().equals(Caller.require(ctx).subject()))
                .orElseThrow(() -> SepaException.notFound("no such mandate"));
    }

    private static void produce(CollectionFiles files, Context ctx) {
        files.produce(Caller.require(ctx).subject()).ifPresentOrElse(
                file -> ctx.status(201).json(Map.of("id", file.fileId(), "messageId", file.messageId(),
                        "fileName", file.path().getFileName().toString(), "transactions", file.transactions(),
                        "controlSum", file.controlSum().toPlainString())),
                () -> ctx.status(204));
    }

    private static void download(CollectionFiles files, Context ctx) throws IOException {
        Path path = files.path(ctx.pathParam("id")).filter(Files::isRegularFile)
                .orElseThrow(() -> SepaException.notFound("no such collection file"));
        ctx.contentType("application/xml");
        ctx.header("Content-Disposition", "attachment; filename=\"" + path.getFileName() + "\"");
        try (InputStream in = Files.newInputStream(path)) {
            ctx.result(in.readAllBytes());
        }
    }

    private List<ReturnNotice> listed(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode items = body.isArray() ? body : body.path("returns");
        if (!items.isArray()) {
            throw SepaException.invalid(Map.of("returns", "returns must be a list of {endToEndId, reasonCode}"));
        }
        List<ReturnNotice> notices = new ArrayList<>();
        for (JsonNode item : items) {
            notices.add(new ReturnNotice(item.path("endToEndId").asText(null), item.path("reasonCode").asText(null)));
        }
        return notices;
    }

    private static void importReturns(Returns returns, Context ctx, List<ReturnNotice> notices) {
        Returns.Reported reported = returns.importReturns(notices, Caller.require(ctx).subject());
        ctx.json(Map.of("notifications", reported.imported().notifications().stream().map(SepaRoutes::view).toList(),
                "skipped", reported.imported().skipped(), "reported", reported.reported()));
    }

    private JsonNode body(Context ctx) {
        try {
            return json.readTree(ctx.body());
        } catch (IOException e) {
            throw SepaException.invalid(Map.of("body", "the body must be JSON"));
        }
    }

    private static String reason(Context ctx) {
        String reason = ctx.queryParam("reason");
        return reason == null || reason.isBlank() ? "revoked by the operator" : reason.strip();
    }

    private static <E extends Enum<E>> E state(Context ctx, Class<E> type) {
        String value = ctx.queryParam("state");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SepaException.invalid(Map.of("state", "state is not one of the known states"));
        }
    }

    static Map<String, Object> view(Mandate m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.id());
        view.put("reference", m.reference());
        view.put("customerId", m.customerId());
        view.put("debtorName", m.debtorName());
        view.put("iban", m.maskedIban());
        view.put("bic", m.bic());
        view.put("signedOn", m.signedOn().toString());
        view.put("scheme", m.scheme().name());
        view.put("recurring", m.recurring());
        view.put("state", m.state().name());
        view.put("email", m.email());
        view.put("language", m.language());
        view.put("createdAt", m.createdAt().toString());
        view.put("revokedAt", m.revokedAt() == null ? null : m.revokedAt().toString());
        return view;
    }

    static Map<String, Object> view(Collection c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("endToEndId", c.endToEndId());
        view.put("mandateId", c.mandateId());
        view.put("customerId", c.customerId());
        view.put("amount", c.amount().amount().toPlainString());
        view.put("currency", c.amount().currencyCode());
        view.put("sequenceType", c.sequenceType().name());
        view.put("dueDate", c.dueDate().toString());
        view.put("state", c.state().name());
        view.put("reference", c.reference());
        view.put("prenotified", c.prenotifiedAt() != null);
        view.put("fileId", c.fileId());
        view.put("reasonCode", c.reasonCode());
        return view;
    }

    static Map<String, Object> view(PaymentNotification n) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("notificationId", n.notificationId());
        view.put("gatewayReference", n.gatewayReference());
        view.put("status", n.status().name());
        view.put("kind", n.kind().name());
        view.put("reason", n.reason());
        view.put("amount", n.amount() == null ? null : n.amount().amount().toPlainString());
        view.put("currency", n.amount() == null ? null : n.amount().currencyCode());
        return view;
    }
}
