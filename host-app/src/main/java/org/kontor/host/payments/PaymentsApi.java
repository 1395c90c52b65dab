package org.kontor.host.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.config.RoutesConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.payments.webhooks.InboxEntry;
import org.kontor.host.payments.webhooks.InboxState;
import org.kontor.host.payments.webhooks.WebhookInbox;
import org.kontor.host.payments.webhooks.WebhookProcessor;
import org.kontor.host.web.Problem;
import org.kontor.host.web.ProblemException;

/**
 * Payments as JSON. A customer or reseller pays their own open invoice, top-up or order waiting for its payment and
 * sees their own payments; anything not theirs answers 404. The operator sees every payment (PAY-1), refunds, records
 * payments received by other means and looks after webhooks that could not be applied.
 */
public final class PaymentsApi {

    private static final Access[] PAYERS = {Access.CUSTOMER, Access.RESELLER};
    private static final int MAX_LIMIT = 500;

    private final Payments payments;
    private final WebhookInbox inbox;
    private final WebhookProcessor webhooks;
    private final ObjectMapper json;
    private final Clock clock;

    public PaymentsApi(Payments payments, WebhookInbox inbox, WebhookProcessor webhooks, ObjectMapper json, Clock clock) {
        this.payments = payments;
        this.inbox = inbox;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/payments", this::pay, PAYERS);
        routes.get("/api/v1/payments", ctx -> ctx.json(Map.of("payments", payments.store()
                .ofCustomer(Caller.require(ctx).subject()).stream().map(PaymentsApi::view).toList())), PAYERS);
        routes.get("/api/v1/payments/{id}", ctx -> ctx.json(view(payments.store().find(ctx.pathParam("id"))
                .filter(p -> p.customerId().equals(Caller.require(ctx).subject()))
                .orElseThrow(() -> notFound(ctx)))), PAYERS);
        routes.get("/api/v1/admin/payments", this::overview, Access.ADMIN);
        routes.post("/api/v1/admin/payments/manual", this::manual, Access.ADMIN);
        routes.get("/api/v1/admin/payments/summary", this::summary, Access.ADMIN);
        routes.get("/api/v1/admin/payments/webhooks", this::webhookList, Access.ADMIN);
        routes.post("/api/v1/admin/payments/webhooks/{id}/replay", ctx -> {
            String id = ctx.pathParam("id");
            if (inbox.find(id).isEmpty()) {
                throw ProblemException.notFound("There is no webhook " + id + ".");
            }
            webhooks.process(id);
            ctx.json(webhookView(inbox.find(id).orElseThrow()));
        }, Access.ADMIN);
        routes.get("/api/v1/admin/payments/{id}", ctx -> ctx.json(view(payments.store().find(ctx.pathParam("id"))
                .orElseThrow(() -> notFound(ctx)))), Access.ADMIN);
        routes.post("/api/v1/admin/payments/{id}/refund", this::refund, Access.ADMIN);
    }

    private void pay(Context ctx) {
        String key = requestKey(ctx);
        JsonNode body = body(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        PaymentPurpose purpose = purpose(body, errors);
        String targetId = required(body, "targetId", errors);
        String gateway = required(body, "gateway", errors);
        PaymentMethodType method = body.hasNonNull("method")
                ? enumOf(PaymentMethodType.class, text(body, "method"), "method", errors) : null;
        Money amount = body.hasNonNull("amount") ? money(body.get("amount"), "amount", errors) : null;
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The payment request is invalid.", errors);
        }
        Payment payment = answer(() -> payments.pay(new Payments.PayRequest(Caller.require(ctx).subject(), purpose,
                targetId, gateway, method, amount, key, RequestOrigin.of(ctx), org.kontor.host.web.ClientAddress.of(ctx))));
        ctx.status(201).json(view(payment));
    }

    private void manual(Context ctx) {
        String key = requestKey(ctx);
        JsonNode body = body(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        PaymentPurpose purpose = purpose(body, errors);
        String targetId = required(body, "targetId", errors);
        Money amount = money(body.get("amount"), "amount", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The payment is invalid.", errors);
        }
        Payment payment = answer(() -> payments.manual(purpose, targetId, amount, text(body, "reference"), key));
        ctx.status(201).json(view(payment));
    }

    private void refund(Context ctx) {
        String key = requestKey(ctx);
        JsonNode body = body(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        Money amount = money(body.get("amount"), "amount", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The refund is invalid.", errors);
        }
        Payment refund = answer(() -> payments.refund(ctx.pathParam("id"), amount, text(body, "reason"), key));
        ctx.status(201).json(view(refund));
    }

    private void overview(Context ctx) {
        Map<String, String> errors = new LinkedHashMap<>();
        OutcomeStatus status = enumOf(OutcomeStatus.class, ctx.queryParam("status"), "status", errors);
        PaymentPurpose purpose = enumOf(PaymentPurpose.class, ctx.queryParam("purpose"), "purpose", errors);
        PaymentKind kind = enumOf(PaymentKind.class, ctx.queryParam("kind"), "kind", errors);
        Instant from = instant(ctx.queryParam("from"), "from", errors);
        Instant to = instant(ctx.queryParam("to"), "to", errors);
        int limit = limit(ctx.queryParam("limit"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The filters are invalid.", errors);
        }
        PaymentFilter filter = new PaymentFilter(status, blankToNull(ctx.queryParam("gateway")), purpose, kind,
                blankToNull(ctx.queryParam("customerId")), from, to, limit);
        ctx.json(Map.of("payments", payments.store().search(filter).stream().map(PaymentsApi::view).toList()));
    }

    /**
     * Incoming payments and refunds of a period by gateway, kind, status and currency, and per currency what came in
     * (PAY-1). The period defaults to the 30 days up to now.
     */
    private void summary(Context ctx) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant to = instant(ctx.queryParam("to"), "to", errors);
        Instant from = instant(ctx.queryParam("from"), "from", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The period is invalid.", errors);
        }
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(Duration.ofDays(30));
        if (!start.isBefore(end)) {
            throw ProblemException.validation("The period is invalid.", Map.of("from", "Give a from before to."));
        }
        List<PaymentStore.SummaryRow> rows = payments.store().summary(start, end);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", start.toString());
        view.put("to", end.toString());
        view.put("groups", rows.stream().map(row -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("gateway", row.gatewayId());
            group.put("kind", row.kind().name());
            group.put("status", row.status().name());
            group.put("count", row.count());
            group.put("total", money(row.total()));
            return group;
        }).toList());
        view.put("totals", totals(rows));
        ctx.json(view);
    }

    /** Per currency: processed payments, processed refunds, their difference, and what is still open. */
    private static List<Map<String, Object>> totals(List<PaymentStore.SummaryRow> rows) {
        Map<Currency, Money[]> byCurrency = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (PaymentStore.SummaryRow row : rows) {
            Money zero = Money.zero(row.total().currency());
            Money[] sums = byCurrency.computeIfAbsent(row.total().currency(), c -> new Money[] {zero, zero, zero});
            if (row.status() == OutcomeStatus.PROCESSED) {
                int slot = row.kind() == PaymentKind.PAYMENT ? 0 : 1;
                sums[slot] = sums[slot].plus(row.total());
            } else if (row.status().isUnsettled() && row.kind() == PaymentKind.PAYMENT) {
                sums[2] = sums[2].plus(row.total());
            }
        }
        List<Map<String, Object>> totals = new ArrayList<>();
        byCurrency.forEach((currency, sums) -> {
            Map<String, Object> total = new LinkedHashMap<>();
            total.put("currency", currency.getCurrencyCode());
            total.put("received", sums[0].amount().toPlainString());
            total.put("refunded", sums[1].amount().toPlainString());
            total.put("net", sums[0].minus(sums[1]).amount().toPlainString());
            total.put("open", sums[2].amount().toPlainString());
            totals.add(total);
        });
        return totals;
    }

    private static Map<String, String> money(Money money) {
        return Map.of("amount", money.amount().toPlainString(), "currency", money.currencyCode());
    }

    private void webhookList(Context ctx) {
        Map<String, String> errors = new LinkedHashMap<>();
        InboxState state = enumOf(InboxState.class, ctx.queryParam("state"), "state", errors);
        int limit = limit(ctx.queryParam("limit"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("The filters are invalid.", errors);
        }
        ctx.json(Map.of("webhooks", inbox.inState(state == null ? InboxState.FAILED : state, limit).stream()
                .map(PaymentsApi::webhookView).toList()));
    }

    static Map<String, Object> view(Payment p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("kind", p.kind().name());
        view.put("purpose", p.purpose().name());
        view.put("targetId", p.targetId());
        view.put("customerId", p.customerId());
        view.put("gateway", p.gatewayId());
        view.put("method", p.method());
        view.put("amount", money(p.amount()));
        view.put("status", p.status().name());
        view.put("providerReference", p.providerReference());
        view.put("redirectUrl", p.redirectUrl());
        view.put("instructions", p.instructions());
        view.put("message", p.message());
        view.put("refundOf", p.refundOf());
        view.put("reversal", p.reversal());
        view.put("reason", p.reason());
        view.put("applied", p.applied());
        view.put("attempts", p.attempts());
        view.put("createdAt", p.createdAt().toString());
        view.put("updatedAt", p.updatedAt().toString());
        view.put("settledAt", p.settledAt() == null ? null : p.settledAt().toString());
        return view;
    }

    private static Map<String, Object> webhookView(InboxEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("gateway", entry.gateway());
        view.put("receivedAt", entry.receivedAt().toString());
        view.put("state", entry.state().name());
        view.put("origin", entry.origin().name());
        view.put("error", entry.error());
        view.put("attempts", entry.attempts());
        return view;
    }

    private static Payment answer(Supplier<Payment> call) {
        try {
            return call.get();
        } catch (PaymentException e) {
            Problem problem = switch (e.kind()) {
                case NOT_FOUND -> Problem.of(404, "not-found", "Not found", e.getMessage());
                case INVALID -> Problem.of(422, "payment-input", "Invalid input", e.getMessage());
                case CONFLICT -> Problem.of(409, "conflict", "Conflict", e.getMessage());
            };
            throw new ProblemException(problem.withReason(e.reason()));
        }
    }

    private static String requestKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > 100) {
            throw ProblemException.badRequest("An Idempotency-Key header of 1 to 100 characters is required.");
        }
        return key.strip();
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode body = json.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw ProblemException.badRequest("The body is a JSON object.");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.badRequest("The body is not valid JSON.");
        }
    }

    private static ProblemException notFound(Context ctx) {
        return ProblemException.notFound("There is no payment " + ctx.pathParam("id") + ".");
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String required(JsonNode body, String field, Map<String, String> errors) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            errors.put(field, "Give " + field + ".");
            return null;
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.put(field, "Unknown " + field + " '" + value + "'.");
            return null;
        }
    }

    private static PaymentPurpose purpose(JsonNode body, Map<String, String> errors) {
        PaymentPurpose purpose = enumOf(PaymentPurpose.class, text(body, "purpose"), "purpose", errors);
        if (purpose == null) {
            errors.putIfAbsent("purpose", "Give purpose: ORDER, INVOICE or TOP_UP.");
        }
        return purpose;
    }

    private static Money money(JsonNode node, String field, Map<String, String> errors) {
        try {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("missing");
            }
            Money money = Money.of(new BigDecimal(node.path("amount").asText()),
                    Currency.getInstance(node.path("currency").asText().strip().toUpperCase(Locale.ROOT)));
            if (!money.isPositive()) {
                throw new IllegalArgumentException("not positive");
            }
            return money;
        } catch (IllegalArgumentException | ArithmeticException e) {
            errors.put(field, "Give a positive amount as {\"amount\": \"100.00\", \"currency\": \"DKK\"}.");
            return null;
        }
    }

    private static Instant instant(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Give a time as 2030-06-10T10:00:00Z.");
            return null;
        }
    }

    private static int limit(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            errors.put("limit", "Give a limit from 1 to " + MAX_LIMIT + ".");
            return 100;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
