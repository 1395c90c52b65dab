package org.kontor.plugins.paypal.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.plugins.paypal.api.Amounts;
import org.kontor.plugins.paypal.api.ApiResult;
import org.kontor.plugins.paypal.api.Links;
import org.kontor.plugins.paypal.api.Paths;
import org.kontor.plugins.paypal.api.PayPalClient;
import org.kontor.plugins.paypal.checkout.Checkout;
import org.kontor.plugins.paypal.checkout.OrderRow;
import org.kontor.plugins.paypal.refund.RefundRow;
import org.kontor.plugins.paypal.refund.Refunding;

/**
 * What a verified PayPal event means for the host's payments; the notification id is PayPal's event id, the payment's
 * reference its order id (a refund's: PayPal's refund id). An approved order is captured here (once: see
 * {@link Checkout}). Events about orders this plugin did not create, and events it does not act on, mean nothing.
 *
 * <ul>
 *   <li>CHECKOUT.ORDER.APPROVED: captured; PROCESSED once the capture completed</li>
 *   <li>CHECKOUT.ORDER.COMPLETED, PAYMENT.CAPTURE.COMPLETED / PENDING / DENIED / DECLINED: the capture's status</li>
 *   <li>CHECKOUT.ORDER.VOIDED, CHECKOUT.PAYMENT-APPROVAL.REVERSED: CANCELED</li>
 *   <li>PAYMENT.CAPTURE.REFUNDED: settles the host's refund; a refund made at PayPal directly is a reversal</li>
 *   <li>PAYMENT.CAPTURE.REVERSED, CUSTOMER.DISPUTE.RESOLVED for the buyer: a reversal of the payment</li>
 * </ul>
 */
public final class WebhookEvents {

    private static final String CAPTURES = "/v2/payments/captures/";
    private static final String ORDERS = "/v2/checkout/orders/";

    private final Checkout checkout;
    private final Refunding refunding;
    private final Reversals reversals;
    private final Supplier<PayPalClient> client;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public WebhookEvents(Checkout checkout, Refunding refunding, Jdbi jdbi, Clock clock, Supplier<PayPalClient> client) {
        this.checkout = checkout;
        this.refunding = refunding;
        this.reversals = new Reversals(jdbi, clock);
        this.client = client;
    }

    /**
     * @throws WebhookRejectedException when the body is not a PayPal event
     * @throws IllegalStateException    when PayPal could not be asked what the event needs (kept, processed again)
     */
    public List<PaymentNotification> read(byte[] body) throws WebhookRejectedException {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            throw new WebhookRejectedException("the body is not JSON");
        }
        String eventId = event == null ? "" : event.path("id").asText("");
        String type = event == null ? "" : event.path("event_type").asText("");
        if (eventId.isEmpty() || type.isEmpty()) {
            throw new WebhookRejectedException("the body is not a PayPal event");
        }
        JsonNode resource = event.path("resource");
        return switch (type) {
            case "CHECKOUT.ORDER.APPROVED" -> orderEvent(eventId, resource, checkout::approved);
            case "CHECKOUT.ORDER.COMPLETED" -> orderEvent(eventId, resource, row -> checkout.reportedOrder(row, resource));
            case "CHECKOUT.ORDER.VOIDED" -> orderEvent(eventId, resource, row -> checkout.voided(row, "voided"));
            case "CHECKOUT.PAYMENT-APPROVAL.REVERSED" -> orderEvent(eventId, resource,
                    row -> checkout.voided(row, "reversed the approval of"));
            case "PAYMENT.CAPTURE.COMPLETED", "PAYMENT.CAPTURE.PENDING", "PAYMENT.CAPTURE.DENIED",
                 "PAYMENT.CAPTURE.DECLINED" -> captureEvent(eventId, resource);
            case "PAYMENT.CAPTURE.REFUNDED" -> refundEvent(eventId, resource);
            case "PAYMENT.CAPTURE.REVERSED" -> reversedEvent(eventId, resource);
            case "CUSTOMER.DISPUTE.RESOLVED" -> disputeEvent(eventId, resource);
            default -> List.of();
        };
    }

    private List<PaymentNotification> orderEvent(String eventId, JsonNode order,
                                                 Function<OrderRow, Outcome<PaymentTransaction>> step) {
        String orderId = order.path("id").asText(order.path("order_id").asText(""));
        return checkout.orders().byOrderId(orderId).map(row -> notification(eventId, row, step.apply(row)))
                .map(List::of).orElse(List.of());
    }

    private List<PaymentNotification> captureEvent(String eventId, JsonNode capture) {
        String captureId = capture.path("id").asText("");
        Optional<String> orderId = text(capture.path("supplementary_data").path("related_ids").path("order_id"))
                .or(() -> Links.id(capture, "up", ORDERS));
        Optional<OrderRow> row = orderId.flatMap(checkout.orders()::byOrderId)
                .or(() -> checkout.orders().byCaptureId(captureId));
        return row.map(found -> List.of(notification(eventId, found, checkout.reportedCapture(found, capture))))
                .orElse(List.of());
    }

    private List<PaymentNotification> refundEvent(String eventId, JsonNode refund) {
        String refundId = refund.path("id").asText("");
        Optional<RefundRow> asked = refunding.refunds().byRefundId(refundId)
                .or(() -> text(refund.path("custom_id")).flatMap(refunding.refunds()::byKey));
        if (asked.isPresent()) {
            Outcome<PaymentTransaction> outcome = refunding.reported(asked.get(), refund);
            if (outcome.status() == OutcomeStatus.UNDEFINED) {
                throw new IllegalStateException(outcome.message());
            }
            return List.of(new PaymentNotification(eventId, refundId, outcome.status(),
                    outcome.status() == OutcomeStatus.PROCESSED ? asked.get().amount() : null));
        }
        if (!"COMPLETED".equals(refund.path("status").asText())) {
            return List.of();
        }
        // a refund made at PayPal, not through the host: the money went back all the same
        return takenBack(eventId, Links.id(refund, "up", CAPTURES), Reversals.Source.CAPTURE, refund.path("amount"),
                "refunded at PayPal");
    }

    private List<PaymentNotification> reversedEvent(String eventId, JsonNode reversal) {
        String reason = text(reversal.path("reason_code")).or(() -> text(reversal.path("status_details").path("reason")))
                .orElse("reversed by PayPal");
        return takenBack(eventId, Links.id(reversal, "up", CAPTURES), Reversals.Source.CAPTURE, reversal.path("amount"),
                reason);
    }

    private List<PaymentNotification> disputeEvent(String eventId, JsonNode dispute) {
        if (!"RESOLVED_BUYER_FAVOUR".equals(dispute.path("dispute_outcome").path("outcome_code").asText())) {
            return List.of();
        }
        String reason = text(dispute.path("reason")).orElse("dispute lost");
        JsonNode refunded = dispute.path("dispute_outcome").path("amount_refunded");
        for (JsonNode transaction : dispute.path("disputed_transactions")) {
            Optional<String> captureId = text(transaction.path("seller_transaction_id"));
            Optional<OrderRow> row = captureId.flatMap(this::orderOfCapture);
            if (row.isPresent()) {
                JsonNode amount = refunded.isMissingNode() ? dispute.path("dispute_amount") : refunded;
                Optional<Money> inCurrency = Amounts.read(amount)
                        .filter(money -> money.currency().equals(row.get().amount().currency()))
                        .or(() -> Amounts.read(transaction.path("gross_amount"))
                                .filter(money -> money.currency().equals(row.get().amount().currency())));
                if (inCurrency.isEmpty()) {
                    throw new IllegalStateException("dispute " + dispute.path("dispute_id").asText() + " names no "
                            + "amount in " + row.get().amount().currencyCode() + ", the payment's currency");
                }
                return reversal(eventId, row.get(), captureId.get(), Reversals.Source.DISPUTE, inCurrency.get(), reason);
            }
        }
        return List.of();
    }

    private List<PaymentNotification> takenBack(String eventId, Optional<String> captureId, Reversals.Source source,
                                                JsonNode amount, String reason) {
        Optional<OrderRow> row = captureId.flatMap(this::orderOfCapture);
        if (row.isEmpty()) {
            return List.of();
        }
        Money money = Amounts.read(amount).filter(m -> m.currency().equals(row.get().amount().currency()))
                .orElseThrow(() -> new IllegalStateException("event " + eventId + " names no amount in "
                        + row.get().amount().currencyCode()));
        return reversal(eventId, row.get(), captureId.get(), source, money, reason);
    }

    private List<PaymentNotification> reversal(String eventId, OrderRow row, String captureId, Reversals.Source source,
                                               Money amount, String reason) {
        Money capped = amount.isGreaterThan(row.amount()) ? row.amount() : amount;
        Money reported = reversals.record(eventId, captureId, source, capped);
        if (!reported.isPositive()) {
            return List.of();
        }
        return List.of(PaymentNotification.reversal(eventId, row.orderId(), reported, reason));
    }

    /** The order of one of this plugin's captures, asking PayPal when the capture is not recorded yet. */
    private Optional<OrderRow> orderOfCapture(String captureId) {
        if (!Paths.isId(captureId)) {
            return Optional.empty();
        }
        Optional<OrderRow> known = checkout.orders().byCaptureId(captureId);
        if (known.isPresent()) {
            return known;
        }
        ApiResult capture = client.get().get(Paths.captureDetails(captureId));
        if (capture.undecided()) {
            throw new IllegalStateException("PayPal did not show capture " + captureId + ": " + capture);
        }
        if (!capture.ok()) {
            return Optional.empty();
        }
        Optional<OrderRow> row = text(capture.body().path("supplementary_data").path("related_ids").path("order_id"))
                .or(() -> Links.id(capture.body(), "up", ORDERS)).flatMap(checkout.orders()::byOrderId);
        row.ifPresent(found -> checkout.orders().captured(found.key(), captureId,
                capture.body().path("status").asText(found.captureStatus())));
        return row.flatMap(found -> checkout.orders().byKey(found.key().value()));
    }

    private static PaymentNotification notification(String eventId, OrderRow row, Outcome<PaymentTransaction> outcome) {
        if (outcome.status() == OutcomeStatus.UNDEFINED) {
            throw new IllegalStateException(outcome.message());
        }
        return new PaymentNotification(eventId, row.orderId(), outcome.status(),
                outcome.status() == OutcomeStatus.PROCESSED ? row.amount() : null);
    }

    private static Optional<String> text(JsonNode node) {
        String value = node.asText("");
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
