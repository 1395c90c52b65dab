package org.kontor.host.payments.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.i18n.LocaleResolver;
import org.kontor.host.payments.Payment;
import org.kontor.host.payments.PaymentException;
import org.kontor.host.payments.PaymentIds;
import org.kontor.host.payments.PaymentKind;
import org.kontor.host.payments.PaymentPurpose;
import org.kontor.host.payments.PaymentTargets;
import org.kontor.host.payments.Payments;
import org.kontor.host.payments.RequestOrigin;
import org.kontor.host.payments.TopUpDirectory;
import org.kontor.host.web.ProblemException;

/**
 * The customer's payment pages (PA-5, CC-6, PAY-2). {@code GET /account/pay/{purpose}/{targetId}} shows what is due
 * on the customer's own open invoice, top-up or order and every running gateway that takes its currency with its
 * methods; an invoice may be paid in part. {@code POST} to the same path starts the payment under the form's request
 * key — a new one with every rendering, so a double submit pays once — and sends the customer to the provider's page,
 * or to the payment's status page. {@code GET /account/payments/{paymentId}} is that status page and the address
 * providers send the customer back to; {@code GET /account/payments} lists the customer's payments. A target or
 * payment that is not the customer's is not found (404). Templates {@code payments/pay.ftlh},
 * {@code payments/payment.ftlh}, {@code payments/list.ftlh}.
 */
public final class PaymentPages {

    static final String PAY = "/account/pay";
    static final String PAYMENTS = "/account/payments";
    private static final Access[] PAYERS = {Access.CUSTOMER, Access.RESELLER};
    /** How long after the last answer the status page may ask a provider again about a payment the customer left. */
    private static final Duration ASK_AGAIN_AFTER = Duration.ofSeconds(5);
    private static final int MAX_AMOUNT_INPUT = 40;

    private final Payments payments;
    private final TopUpDirectory topUps;
    private final LocaleResolver locales;
    private final Clock clock;

    public PaymentPages(Payments payments, TopUpDirectory topUps, LocaleResolver locales, Clock clock) {
        this.payments = payments;
        this.topUps = topUps;
        this.locales = locales;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get(PAY + "/{purpose}/{targetId}", ctx -> payPage(ctx, PayForm.fresh()), PAYERS);
        routes.post(PAY + "/{purpose}/{targetId}", this::pay, PAYERS);
        routes.get(PAYMENTS, this::list, PAYERS);
        routes.get(PAYMENTS + "/{paymentId}", this::status, PAYERS);
    }

    /** The path of a payment's status page. */
    public static String statusPath(String paymentId) {
        return PAYMENTS + "/" + PaymentIds.urlSegment(paymentId);
    }

    /** The path of the page that pays a target. */
    public static String payPath(PaymentPurpose purpose, String targetId) {
        return PAY + "/" + slug(purpose) + "/" + PaymentIds.urlSegment(targetId);
    }

    // ---------------------------------------------------------------- pay

    private void payPage(Context ctx, PayForm form) {
        String customerId = Caller.require(ctx).subject();
        PaymentPurpose purpose = purpose(ctx);
        String targetId = ctx.pathParam("targetId");
        Locale locale = locale(ctx);
        Optional<PaymentTargets.Due> due = payments.due(purpose, targetId, customerId);
        List<Payment> earlier = payments.store().ofTarget(purpose, targetId).stream()
                .filter(p -> p.customerId().equals(customerId) && p.kind() == PaymentKind.PAYMENT).toList();
        if (due.isEmpty() && earlier.isEmpty()) {
            throw notFound(purpose, targetId);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("purpose", slug(purpose));
        page.put("targetId", targetId);
        page.put("action", payPath(purpose, targetId));
        page.put("back", back(purpose, targetId, customerId));
        String reference = payments.reference(purpose, targetId);
        page.put("payments", earlier.stream().map(p -> PaymentViews.summary(p, reference, locale)).toList());
        page.put("open", due.isPresent());
        ctx.header("Cache-Control", "no-store");
        if (due.isEmpty()) {
            // paid or withdrawn meanwhile: the customer sees their payments of it instead of a form
            page.put("reference", reference);
            ctx.render("payments/pay.ftlh", page);
            return;
        }
        Money amount = due.get().amount();
        page.put("reference", due.get().reference() == null ? reference : due.get().reference());
        page.put("due", PaymentViews.money(amount, locale));
        page.put("currency", amount.currencyCode());
        page.put("partial", purpose == PaymentPurpose.INVOICE);
        page.put("amount", form.amount() != null ? form.amount() : AmountInput.plain(amount, locale));
        List<Map<String, Object>> options = new ArrayList<>();
        List<PaymentGateway> gateways = payments.gatewaysFor(amount.currency());
        for (PaymentGateway gateway : gateways) {
            for (PaymentMethodType method : gateway.methods().stream().sorted().toList()) {
                // the gateway's name only tells apart two gateways that offer the same method
                long offering = gateways.stream().filter(other -> other.methods().contains(method)).count();
                Map<String, Object> option = new LinkedHashMap<>();
                option.put("value", gateway.gatewayId() + ":" + method.name());
                option.put("id", "pay-" + (gateway.gatewayId() + "-" + method.name()).toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9-]", "-"));
                option.put("gateway", gateway.gatewayId());
                option.put("method", method.name());
                option.put("showGateway", offering > 1);
                options.add(option);
            }
        }
        page.put("options", options);
        String chosen = form.option() != null ? form.option() : options.isEmpty() ? "" : (String) options.get(0).get("value");
        page.put("chosen", chosen);
        page.put("requestKey", form.requestKey() != null ? form.requestKey() : UUID.randomUUID().toString());
        page.put("errors", form.errors());
        ctx.render("payments/pay.ftlh", page);
    }

    private void pay(Context ctx) {
        String customerId = Caller.require(ctx).subject();
        PaymentPurpose purpose = purpose(ctx);
        String targetId = ctx.pathParam("targetId");
        Locale locale = locale(ctx);
        String option = blankToNull(ctx.formParam("option"));
        String amountText = ctx.formParam("amount");
        String requestKey = blankToNull(ctx.formParam("requestKey"));
        PaymentTargets.Due due = payments.due(purpose, targetId, customerId).orElse(null);
        if (due == null) {
            if (requestKey != null) {
                // a second submit of a form whose payment settled the target already: its first answer
                Optional<Payment> first = payments.byRequestKey(customerId, requestKey);
                if (first.isPresent() && first.get().purpose() == purpose && first.get().targetId().equals(targetId)) {
                    ctx.redirect(statusPath(first.get().id()), HttpStatus.SEE_OTHER);
                    return;
                }
            }
            payPage(ctx, PayForm.fresh());
            return;
        }
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
        if (requestKey == null || requestKey.length() > 100) {
            errors.put("form", error("form-expired", ""));
        }
        String gatewayId = null;
        PaymentMethodType method = null;
        int colon = option == null ? -1 : option.lastIndexOf(':');
        if (colon <= 0) {
            errors.put("option", error("choose-method", ""));
        } else {
            gatewayId = option.substring(0, colon);
            try {
                method = PaymentMethodType.valueOf(option.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                errors.put("option", error("choose-method", ""));
            }
        }
        Money amount = null;
        if (purpose == PaymentPurpose.INVOICE) {
            AmountInput.Parsed parsed = AmountInput.parse(amountText, due.amount().currency());
            if (parsed.error() != null) {
                errors.put("amount", error(parsed.error(), parsed.arg()));
            }
            amount = parsed.money();
        }
        String shownAmount = amountText == null ? null
                : amountText.length() > MAX_AMOUNT_INPUT ? amountText.substring(0, MAX_AMOUNT_INPUT) : amountText;
        if (errors.isEmpty()) {
            try {
                Payment payment = payments.pay(new Payments.PayRequest(customerId, purpose, targetId, gatewayId, method,
                        amount, requestKey, RequestOrigin.of(ctx), org.kontor.host.web.ClientAddress.of(ctx)));
                ctx.redirect(next(payment), HttpStatus.SEE_OTHER);
                return;
            } catch (PaymentException e) {
                if (e.kind() == PaymentException.Kind.NOT_FOUND) {
                    throw notFound(purpose, targetId);
                }
                errors.put(field(e.reason()), error(e.reason(), PaymentViews.money(due.amount(), locale)));
            }
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        // The same key again (nothing was paid with it), so that a second click of the corrected form still pays once;
        // a new one after a refusal of the form as such.
        payPage(ctx, new PayForm(shownAmount, option, errors.containsKey("form") ? null : requestKey, errors));
    }

    /** Where the customer goes once a payment started: the provider's page while it waits for them, else its status. */
    private static String next(Payment payment) {
        if (payment.status().isUnsettled() && payment.redirectUrl() != null && isWeb(payment.redirectUrl())) {
            return payment.redirectUrl();
        }
        return statusPath(payment.id());
    }

    private static String field(String reason) {
        if (reason.startsWith("amount-")) {
            return "amount";
        }
        if (reason.startsWith("gateway-") || reason.startsWith("method-")) {
            return "option";
        }
        return "form";
    }

    // ---------------------------------------------------------------- status

    private void status(Context ctx) {
        String customerId = Caller.require(ctx).subject();
        String id = ctx.pathParam("paymentId");
        Payment payment = payments.store().find(id).filter(p -> p.customerId().equals(customerId))
                .orElseThrow(() -> ProblemException.notFound("There is no payment " + id + " of yours."));
        if (returnedFromProvider(payment)) {
            payment = payments.check(payment);
        }
        Locale locale = locale(ctx);
        Map<String, Object> page = PaymentViews.summary(payment, payments.reference(payment.purpose(),
                payment.targetId()), locale);
        page.put("back", back(payment.purpose(), payment.targetId(), customerId));
        page.put("continueUrl", payment.status().isUnsettled() && payment.redirectUrl() != null
                && isWeb(payment.redirectUrl()) ? payment.redirectUrl() : "");
        page.put("instructions", payment.status().isUnsettled() && payment.instructions() != null
                ? payment.instructions() : "");
        boolean failed = payment.status() == OutcomeStatus.ERROR || payment.status() == OutcomeStatus.CANCELED;
        page.put("retry", failed && payment.kind() == PaymentKind.PAYMENT
                && payments.due(payment.purpose(), payment.targetId(), customerId).isPresent()
                ? payPath(payment.purpose(), payment.targetId()) : "");
        page.put("api", "/api/v1/payments/" + PaymentIds.urlSegment(payment.id()));
        ctx.header("Cache-Control", "no-store");
        ctx.render("payments/payment.ftlh", page);
    }

    /**
     * Whether to ask the provider now: the customer is back from its page while the payment is still open, and the
     * provider was not asked in the last few seconds (its notification may lag behind the customer).
     */
    private boolean returnedFromProvider(Payment payment) {
        return payment.status().isUnsettled() && payment.redirectUrl() != null && !payment.isManual()
                && payment.updatedAt().plus(ASK_AGAIN_AFTER).isBefore(clock.instant());
    }

    private void list(Context ctx) {
        Locale locale = locale(ctx);
        Map<String, String> references = new HashMap<>();
        List<Map<String, Object>> list = payments.store().ofCustomer(Caller.require(ctx).subject()).stream()
                .map(p -> PaymentViews.summary(p, references.computeIfAbsent(p.purpose() + ":" + p.targetId(),
                        key -> payments.reference(p.purpose(), p.targetId())), locale)).toList();
        ctx.render("payments/list.ftlh", Map.of("payments", list));
    }

    // ---------------------------------------------------------------- helpers

    /** Where the page leads back to: the invoices, the top-up page, or the order. */
    private Map<String, String> back(PaymentPurpose purpose, String targetId, String customerId) {
        return switch (purpose) {
            case INVOICE -> Map.of("url", "/account/invoices", "key", "payment.back.invoices");
            case ORDER -> Map.of("url", "/orders/" + PaymentIds.urlSegment(targetId), "key", "payment.back.order");
            case TOP_UP -> topUps.topUpPage(customerId)
                    .map(page -> Map.of("url", page, "key", "payment.back.top-ups"))
                    .orElse(Map.of("url", "/account", "key", "payment.back.account"));
        };
    }

    private static PaymentPurpose purpose(Context ctx) {
        String slug = ctx.pathParam("purpose");
        for (PaymentPurpose purpose : PaymentPurpose.values()) {
            if (slug(purpose).equals(slug)) {
                return purpose;
            }
        }
        throw ProblemException.notFound("There is nothing to pay at " + ctx.path() + ".");
    }

    static String slug(PaymentPurpose purpose) {
        return purpose.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static ProblemException notFound(PaymentPurpose purpose, String targetId) {
        return ProblemException.notFound("There is no open " + slug(purpose) + " " + targetId + " of yours.");
    }

    private static boolean isWeb(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static Map<String, String> error(String code, String arg) {
        return Map.of("code", code, "arg", arg == null ? "" : arg);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Locale locale(Context ctx) {
        return Locale.forLanguageTag(locales.language(ctx).code());
    }

    /** What a refused form had: the amount and choice as entered, its request key, its errors by field. */
    private record PayForm(String amount, String option, String requestKey, Map<String, Map<String, String>> errors) {
        static PayForm fresh() {
            return new PayForm(null, null, null, Map.of());
        }
    }
}
