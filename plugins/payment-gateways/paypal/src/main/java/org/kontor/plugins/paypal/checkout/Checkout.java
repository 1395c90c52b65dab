package org.kontor.plugins.paypal.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.plugins.paypal.api.Amounts;
import org.kontor.plugins.paypal.api.ApiResult;
import org.kontor.plugins.paypal.api.Links;
import org.kontor.plugins.paypal.api.Paths;
import org.kontor.plugins.paypal.api.PayPalClient;

/**
 * Orders v2 checkout: an order with intent CAPTURE is created under the host's key as PayPal-Request-Id, the customer
 * approves it on PayPal's page, and the approved order is captured under a request id derived from the key, whoever
 * notices the approval first (the janitor's status question or the CHECKOUT.ORDER.APPROVED webhook). A capture that
 * is recorded is never asked for again, and PayPal answers a repeated request id with the first capture, so the money
 * is taken once.
 *
 * <p>An order the host was told ended without money (CANCELED or ERROR) is marked abandoned and never captured, so
 * that a late approval takes no money the host would not book.
 */
public final class Checkout {

    /**
     * How long a request is sent again under the same PayPal-Request-Id. PayPal keeps request ids for 6 hours; after
     * that a lost creation is not repeated (nobody could have approved an order whose link never arrived).
     */
    public static final Duration REPLAY_WINDOW = Duration.ofHours(5);
    /** The metadata key under which the host passes its payment id. */
    public static final String PAYMENT_ID = "paymentId";
    private static final int MAX_ID = 127;
    private static final int MAX_DESCRIPTION = 127;

    private final Orders orders;
    private final Supplier<PayPalClient> client;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public Checkout(Orders orders, Supplier<PayPalClient> client, Clock clock) {
        this.orders = orders;
        this.client = client;
        this.clock = clock;
    }

    public Orders orders() {
        return orders;
    }

    /** Creates the order; PENDING with PayPal's approval page as the redirect once PayPal has it. */
    public Outcome<PaymentTransaction> purchase(PaymentRequest request) {
        String paymentId = tail(request.metadata().getOrDefault(PAYMENT_ID, request.key().value()), MAX_ID);
        String body;
        try {
            body = createRequest(request, paymentId);
        } catch (IllegalArgumentException e) {
            return Outcome.error("amount", e.getMessage());
        }
        OrderRow row = orders.intent(request.key(), paymentId, request.amount(), body);
        if (!row.amount().equals(request.amount())) {
            return Outcome.error("key-reused", "the key " + request.key() + " was used for a payment of " + row.amount());
        }
        if (row.orderId() != null || row.abandoned()) {
            return status(row);
        }
        return created(row, client.get().post(Paths.ORDERS, row.requestBody(), row.key().value()));
    }

    /** The janitor's question: the order's state at PayPal, captured first when the customer approved it. */
    public Outcome<PaymentTransaction> status(OrderRow row) {
        if (row.abandoned()) {
            return Outcome.canceled("PayPal order " + name(row) + " ended without a payment");
        }
        if (row.captured()) {
            return processed(row);
        }
        if (row.orderId() == null) {
            if (clock.instant().isAfter(row.createdAt().plus(REPLAY_WINDOW))) {
                orders.abandon(row.key());
                return Outcome.canceled("no PayPal order was created under " + row.key());
            }
            return created(row, client.get().post(Paths.ORDERS, row.requestBody(), row.key().value()));
        }
        ApiResult order = client.get().get(Paths.order(row.orderId()));
        if (order.ok()) {
            return fromOrder(row, order.body(), true);
        }
        if (order.notFound()) {
            orders.abandon(row.key());
            return Outcome.canceled("PayPal no longer knows order " + row.orderId() + ": it expired unapproved");
        }
        return Outcome.undefined("PayPal did not tell the state of order " + row.orderId() + ": " + order);
    }

    /** The customer approved the order (CHECKOUT.ORDER.APPROVED): it is captured unless that happened already. */
    public Outcome<PaymentTransaction> approved(OrderRow row) {
        if (row.abandoned()) {
            return Outcome.canceled("PayPal order " + name(row) + " ended without a payment; it is not captured");
        }
        if (row.captureStatus() != null) {
            return fromCaptureStatus(row, row.captureId(), row.captureStatus(), null);
        }
        return capture(row);
    }

    /** An order as a webhook carries it (CHECKOUT.ORDER.COMPLETED): its captures are read, nothing is captured. */
    public Outcome<PaymentTransaction> reportedOrder(OrderRow row, JsonNode order) {
        return fromOrder(row, order, false);
    }

    /** A capture as a webhook carries it (PAYMENT.CAPTURE.*): recorded, and what it means for the payment. */
    public Outcome<PaymentTransaction> reportedCapture(OrderRow row, JsonNode capture) {
        return fromCapture(row, capture);
    }

    /** PayPal voided the order or reversed the approval before the capture: the payment did not happen. */
    public Outcome<PaymentTransaction> voided(OrderRow row, String what) {
        if (row.captured()) {
            return processed(row);
        }
        orders.abandon(row.key());
        return Outcome.canceled("PayPal " + what + " order " + name(row));
    }

    private Outcome<PaymentTransaction> created(OrderRow row, ApiResult result) {
        if (result.ok() && Paths.isId(result.body().path("id").asText(null))) {
            JsonNode order = result.body();
            String approve = Links.href(order, "payer-action").or(() -> Links.href(order, "approve")).orElse(null);
            orders.created(row.key(), order.get("id").asText(), order.path("status").asText(null), approve);
            return fromOrder(orders.byKey(row.key().value()).orElseThrow(), order, false);
        }
        if (result.undecided() || result.ok()) {
            return Outcome.undefined("PayPal did not confirm the order under " + row.key() + ": " + result);
        }
        orders.abandon(row.key());
        if (result.credentialsRefused()) {
            return Outcome.error("authentication", "PayPal refused the client id and secret: " + result.description());
        }
        return Outcome.error(result.issue(), "PayPal refused the order: " + result.description());
    }

    private Outcome<PaymentTransaction> capture(OrderRow row) {
        ApiResult result = client.get().post(Paths.capture(row.orderId()), null, row.captureRequestId());
        if (result.ok()) {
            return fromOrder(row, result.body(), false);
        }
        if (result.status() == 422) {
            switch (result.issue()) {
                case "ORDER_ALREADY_CAPTURED" -> {
                    ApiResult order = client.get().get(Paths.order(row.orderId()));
                    return order.ok() ? fromOrder(row, order.body(), false)
                            : Outcome.undefined("order " + row.orderId() + " was captured; PayPal did not show it: " + order);
                }
                case "ORDER_NOT_APPROVED", "PAYER_ACTION_REQUIRED" -> {
                    return pending(row);
                }
                default -> {
                    orders.abandon(row.key());
                    return Outcome.error(result.issue(), "PayPal refused the capture of order " + row.orderId() + ": "
                            + result.description());
                }
            }
        }
        if (result.notFound()) {
            orders.abandon(row.key());
            return Outcome.canceled("PayPal no longer knows order " + row.orderId() + ": it expired before the capture");
        }
        if (result.undecided() || result.credentialsRefused()) {
            return Outcome.undefined("the capture of order " + row.orderId() + " is not confirmed: " + result);
        }
        orders.abandon(row.key());
        return Outcome.error(result.issue(), "PayPal refused the capture of order " + row.orderId() + ": "
                + result.description());
    }

    private Outcome<PaymentTransaction> fromOrder(OrderRow row, JsonNode order, boolean mayCapture) {
        String status = order.path("status").asText("");
        if (!status.isEmpty()) {
            orders.orderStatus(row.key(), status);
        }
        OrderRow current = orders.byKey(row.key().value()).orElse(row);
        switch (status) {
            case "COMPLETED" -> {
                JsonNode capture = firstCapture(order);
                return capture == null ? Outcome.undefined("PayPal completed order " + current.orderId()
                        + " without a capture") : fromCapture(current, capture);
            }
            case "APPROVED" -> {
                if (current.captureStatus() != null) {
                    return fromCaptureStatus(current, current.captureId(), current.captureStatus(), null);
                }
                return mayCapture && !current.abandoned() ? capture(current)
                        : Outcome.pending(transaction(current, null), current.orderId(), "the payer approved; "
                        + "the capture follows");
            }
            case "VOIDED" -> {
                return voided(current, "voided");
            }
            default -> {
                return pending(current);
            }
        }
    }

    private Outcome<PaymentTransaction> fromCapture(OrderRow row, JsonNode capture) {
        String id = capture.path("id").asText(null);
        String status = capture.path("status").asText("");
        orders.captured(row.key(), Paths.isId(id) ? id : null, status);
        return fromCaptureStatus(row, id, status, capture.path("status_details").path("reason").asText(null));
    }

    private Outcome<PaymentTransaction> fromCaptureStatus(OrderRow row, String captureId, String status, String reason) {
        OutcomeStatus outcome = CaptureStatus.outcome(status);
        String why = reason == null ? "" : " (" + reason + ")";
        if (outcome == OutcomeStatus.PROCESSED) {
            return processed(row);
        }
        if (outcome == OutcomeStatus.ERROR) {
            orders.abandon(row.key());
            return Outcome.error(status, "PayPal " + status.toLowerCase(Locale.ROOT) + " the capture " + captureId
                    + " of order " + row.orderId() + why);
        }
        return Outcome.pending(transaction(row, null), row.orderId(), "PayPal holds the capture " + captureId
                + " of order " + row.orderId() + why);
    }

    private Outcome<PaymentTransaction> processed(OrderRow row) {
        return Outcome.processed(new PaymentTransaction(row.orderId(), row.amount(), clock.instant(), null), row.orderId());
    }

    private Outcome<PaymentTransaction> pending(OrderRow row) {
        URI approve = row.approveUrl() == null ? null : URI.create(row.approveUrl());
        return Outcome.pending(transaction(row, approve), row.orderId(), "waiting for the payer to approve the payment "
                + "at PayPal");
    }

    private static PaymentTransaction transaction(OrderRow row, URI redirect) {
        return new PaymentTransaction(row.orderId(), row.amount(), row.createdAt(), redirect);
    }

    /** The capture of the order's first purchase unit (an order of this plugin has one, captured once). */
    static JsonNode firstCapture(JsonNode order) {
        for (JsonNode unit : order.path("purchase_units")) {
            JsonNode captures = unit.path("payments").path("captures");
            if (captures.isArray() && !captures.isEmpty()) {
                return captures.get(0);
            }
        }
        return null;
    }

    private String createRequest(PaymentRequest request, String paymentId) {
        ObjectNode unit = json.createObjectNode();
        unit.put("custom_id", paymentId);
        unit.put("invoice_id", paymentId);
        String description = request.description() == null || request.description().isBlank() ? request.reference()
                : request.description();
        unit.put("description", description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION)
                : description);
        unit.set("amount", Amounts.json(request.amount()));
        ObjectNode experience = json.createObjectNode()
                .put("user_action", "PAY_NOW")
                .put("shipping_preference", "NO_SHIPPING");
        if (request.returnUrl() != null) {
            experience.put("return_url", request.returnUrl().toString());
        }
        URI cancel = request.cancelUrl() != null ? request.cancelUrl() : request.returnUrl();
        if (cancel != null) {
            experience.put("cancel_url", cancel.toString());
        }
        ObjectNode body = json.createObjectNode().put("intent", "CAPTURE");
        body.putArray("purchase_units").add(unit);
        body.putObject("payment_source").putObject("paypal").set("experience_context", experience);
        return body.toString();
    }

    private static String name(OrderRow row) {
        return row.orderId() == null ? "under " + row.key() : row.orderId();
    }

    /** The end of a text: PayPal limits ids to 127 characters, and the host's ids end in what makes them unique. */
    private static String tail(String text, int max) {
        return text.length() <= max ? text : text.substring(text.length() - max);
    }
}
