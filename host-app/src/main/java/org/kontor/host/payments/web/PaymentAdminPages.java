package org.kontor.host.payments.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.web.Access;
import org.kontor.host.admin.AdminView;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.payments.Payment;
import org.kontor.host.payments.PaymentException;
import org.kontor.host.payments.PaymentFilter;
import org.kontor.host.payments.PaymentKind;
import org.kontor.host.payments.PaymentPurpose;
import org.kontor.host.payments.Payments;
import org.kontor.host.web.ProblemException;

/**
 * Payments in the admin (PAY-1, ADM-7): {@code /admin/payments} lists payments, refunds and reversals by status,
 * gateway, purpose, kind and customer; {@code /admin/payments/{id}} shows one with its refunds and lets staff refund
 * part or all of a processed payment with a reason. The form carries a request key of its own, so sending it twice
 * refunds once; refunds together never exceed the payment ({@link Payments#refund}).
 */
public final class PaymentAdminPages {

    static final String BASE = "/admin/payments";
    private static final int SHOWN = 200;

    private final Payments payments;
    private final LocaleResolver locales;
    private final AdminView view;

    public PaymentAdminPages(Payments payments, LocaleResolver locales, AdminView view) {
        this.payments = payments;
        this.locales = locales;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, this::list, Access.ADMIN);
        routes.get(BASE + "/{id}", ctx -> show(ctx, Map.of(), null), Access.ADMIN);
        routes.post(BASE + "/{id}/refund", this::refund, Access.ADMIN);
    }

    private void list(Context ctx) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String name : List.of("status", "gateway", "purpose", "kind", "customer")) {
            String value = ctx.queryParam(name);
            filter.put(name, value == null ? "" : value.strip());
        }
        PaymentFilter chosen = new PaymentFilter(choice(OutcomeStatus.class, filter.get("status")),
                blankToNull(filter.get("gateway")), choice(PaymentPurpose.class, filter.get("purpose")),
                choice(PaymentKind.class, filter.get("kind")), blankToNull(filter.get("customer")), null, null, SHOWN);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("filter", filter);
        page.put("statuses", Arrays.stream(OutcomeStatus.values()).map(Enum::name).toList());
        page.put("purposes", Arrays.stream(PaymentPurpose.values()).map(Enum::name).toList());
        page.put("kinds", Arrays.stream(PaymentKind.values()).map(Enum::name).toList());
        page.put("payments", payments.store().search(chosen).stream().map(payment -> row(ctx, payment)).toList());
        view.render(ctx, "payments.ftlh", page);
    }

    private void show(Context ctx, Map<String, Map<String, String>> errors, Map<String, String> form) {
        Payment payment = payment(ctx);
        Locale locale = Locale.forLanguageTag(locales.language(ctx).code());
        Map<String, Object> page = new LinkedHashMap<>(row(ctx, payment));
        page.put("providerReference", payment.providerReference() == null ? "" : payment.providerReference());
        page.put("key", payment.key().value());
        page.put("message", payment.message() == null ? "" : payment.message());
        page.put("reason", payment.reason() == null ? "" : payment.reason());
        page.put("attempts", payment.attempts());
        List<Payment> refunds = payment.kind() == PaymentKind.PAYMENT
                ? payments.store().ofTarget(payment.purpose(), payment.targetId()).stream()
                .filter(other -> payment.id().equals(other.refundOf())).toList()
                : List.of();
        page.put("refunds", refunds.stream().map(refund -> row(ctx, refund)).toList());
        Money taken = refunds.stream().filter(refund -> refund.status() != OutcomeStatus.ERROR
                        && refund.status() != OutcomeStatus.CANCELED)
                .map(Payment::amount).reduce(Money.zero(payment.amount().currency()), Money::plus);
        Money left = payment.amount().minus(taken);
        boolean refundable = payment.kind() == PaymentKind.PAYMENT && payment.status() == OutcomeStatus.PROCESSED
                && left.isPositive();
        page.put("refundable", refundable);
        page.put("left", view.money(ctx, left));
        page.put("form", Map.of(
                "amount", form == null ? AmountInput.plain(left, locale) : form.getOrDefault("amount", ""),
                "reason", form == null ? "" : form.getOrDefault("reason", ""),
                "requestKey", form == null ? UUID.randomUUID().toString() : form.getOrDefault("requestKey", "")));
        page.put("errors", errors);
        page.put("done", ctx.queryParam("refunded") != null);
        view.render(ctx, "payment.ftlh", page);
    }

    private void refund(Context ctx) {
        Payment payment = payment(ctx);
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : List.of("amount", "reason", "requestKey")) {
            String value = ctx.formParam(name);
            form.put(name, value == null ? "" : value.strip());
        }
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        AmountInput.Parsed amount = AmountInput.parse(form.get("amount"), payment.amount().currency());
        if (amount.error() != null) {
            errors.put("amount", Map.of("code", amount.error(), "arg", amount.arg()));
        }
        if (form.get("reason").isEmpty()) {
            errors.put("reason", Map.of("code", "required", "arg", ""));
        }
        if (form.get("requestKey").isEmpty() || form.get("requestKey").length() > 100) {
            errors.put("amount", Map.of("code", "invalid", "arg", ""));
        }
        if (errors.isEmpty()) {
            try {
                payments.refund(payment.id(), amount.money(), form.get("reason"), "admin-page:" + form.get("requestKey"));
                ctx.redirect(BASE + "/" + payment.id() + "?refunded=1", HttpStatus.SEE_OTHER);
                return;
            } catch (PaymentException e) {
                errors.put("amount", Map.of("code", "admin-refund-" + e.reason(), "arg", ""));
            }
        }
        ctx.status(422);
        show(ctx, errors, form);
    }

    private Payment payment(Context ctx) {
        String id = ctx.pathParam("id");
        return payments.store().find(id).orElseThrow(() -> ProblemException.notFound("There is no payment " + id + "."));
    }

    private Map<String, Object> row(Context ctx, Payment payment) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", payment.id());
        row.put("kind", payment.kind().name());
        row.put("reversal", payment.reversal());
        row.put("purpose", payment.purpose().name());
        row.put("targetId", payment.targetId() == null ? "" : payment.targetId());
        row.put("customerId", payment.customerId() == null ? "" : payment.customerId());
        row.put("gateway", payment.gatewayId());
        row.put("method", payment.method() == null ? "" : payment.method());
        row.put("amount", view.money(ctx, payment.amount()));
        row.put("status", payment.status().name());
        row.put("applied", payment.applied());
        row.put("refundOf", payment.refundOf() == null ? "" : payment.refundOf());
        row.put("created", payment.createdAt().toString().substring(0, 16).replace('T', ' '));
        return row;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
