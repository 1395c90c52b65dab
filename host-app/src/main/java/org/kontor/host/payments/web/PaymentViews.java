package org.kontor.host.payments.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.host.payments.Payment;
import org.kontor.host.payments.PaymentKind;

/** Payments as the templates show them, in the page's language. */
final class PaymentViews {

    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private PaymentViews() {
    }

    /**
     * A payment's view; {@code reference} names its target as the customer knows it. {@code state} is what the customer reads: {@code waiting} (the provider or the customer still
     * has to act, or the outcome is not known yet), {@code paid} ({@code refunded} for a refund), {@code failed} or {@code cancelled}.
     */
    static Map<String, Object> summary(Payment payment, String reference, Locale locale) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", payment.id());
        view.put("url", PaymentPages.statusPath(payment.id()));
        view.put("kind", payment.kind().name());
        view.put("purpose", PaymentPages.slug(payment.purpose()));
        view.put("targetId", payment.targetId());
        view.put("reference", reference);
        view.put("amount", money(payment.amount(), locale));
        view.put("method", payment.method());
        view.put("gateway", payment.gatewayId());
        view.put("status", payment.status().name());
        String state = state(payment.status());
        view.put("state", payment.kind() == PaymentKind.REFUND && state.equals("paid") ? "refunded" : state);
        view.put("created", dateTime(payment.createdAt(), locale));
        view.put("settled", payment.settledAt() == null ? "" : dateTime(payment.settledAt(), locale));
        return view;
    }

    static String state(OutcomeStatus status) {
        return switch (status) {
            case PROCESSED -> "paid";
            case ERROR -> "failed";
            case CANCELED -> "cancelled";
            case PENDING, UNDEFINED -> "waiting";
        };
    }

    static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        return format.format(money.amount());
    }

    private static String dateTime(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZONE).format(at);
    }
}
