package org.kontor.plugins.paypal.refund;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.plugins.paypal.api.Amounts;
import org.kontor.plugins.paypal.api.ApiResult;
import org.kontor.plugins.paypal.api.Paths;
import org.kontor.plugins.paypal.api.PayPalClient;
import org.kontor.plugins.paypal.checkout.Checkout;
import org.kontor.plugins.paypal.checkout.OrderRow;
import org.kontor.plugins.paypal.checkout.Orders;

/**
 * Refunds of captures ({@code POST /v2/payments/captures/{id}/refund}) under the host's key as PayPal-Request-Id and
 * custom_id. A refund whose answer is known is answered from the table; one whose answer was lost is asked for again
 * under the same request id while PayPal keeps it, and looked up among the order's refunds by its custom_id after that,
 * so that it is never made twice.
 */
public final class Refunding {

    private static final String REFUSED = "REFUSED";
    private static final String NONE = "NONE";
    private static final Set<String> SETTLED = Set.of("COMPLETED", "CANCELLED", "FAILED", REFUSED, NONE);

    private final Refunds refunds;
    private final Orders orders;
    private final Supplier<PayPalClient> client;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public Refunding(Refunds refunds, Orders orders, Supplier<PayPalClient> client, Clock clock) {
        this.refunds = refunds;
        this.orders = orders;
        this.client = client;
        this.clock = clock;
    }

    public Refunds refunds() {
        return refunds;
    }

    /** Gives back {@code amount} of the capture of the order the host knows as the request's reference (or key). */
    public Outcome<PaymentTransaction> refund(RefundRequest request) {
        Optional<RefundRow> earlier = refunds.byKey(request.key().value());
        if (earlier.isPresent()) {
            if (!earlier.get().amount().equals(request.amount())) {
                return Outcome.error("key-reused", "the key " + request.key() + " was used for a refund of "
                        + earlier.get().amount());
            }
            return status(earlier.get());
        }
        Optional<OrderRow> order = orders.byOrderId(request.gatewayReference())
                .or(() -> orders.byKey(request.gatewayReference()));
        if (order.isEmpty()) {
            return Outcome.error("unknown-payment", "there is no PayPal payment " + request.gatewayReference());
        }
        if (!order.get().captured() || order.get().captureId() == null) {
            return Outcome.error("not-captured", "PayPal order " + order.get().orderId() + " took no money to refund");
        }
        if (!order.get().amount().currency().equals(request.amount().currency())) {
            return Outcome.error("currency", "the payment was made in " + order.get().amount().currencyCode());
        }
        ObjectNode body = json.createObjectNode();
        try {
            body.set("amount", Amounts.json(request.amount()));
        } catch (IllegalArgumentException e) {
            return Outcome.error("amount", e.getMessage());
        }
        body.put("custom_id", request.key().value());
        RefundRow row = refunds.intent(request.key(), order.get().orderId(), order.get().captureId(), request.amount(),
                body.toString());
        return answer(row, client.get().post(Paths.refundCapture(row.captureId()), row.requestBody(), row.key().value()));
    }

    /** The janitor's question about an open refund. */
    public Outcome<PaymentTransaction> status(RefundRow row) {
        if (row.status() != null && SETTLED.contains(row.status())) {
            return fromRow(row);
        }
        if (row.refundId() != null) {
            ApiResult refund = client.get().get(Paths.refund(row.refundId()));
            if (refund.ok()) {
                return reported(row, refund.body());
            }
            return Outcome.undefined("PayPal did not tell the state of refund " + row.refundId() + ": " + refund);
        }
        if (!clock.instant().isAfter(row.createdAt().plus(Checkout.REPLAY_WINDOW))) {
            return answer(row, client.get().post(Paths.refundCapture(row.captureId()), row.requestBody(),
                    row.key().value()));
        }
        ApiResult order = client.get().get(Paths.order(row.orderId()));
        if (!order.ok()) {
            return Outcome.undefined("PayPal did not show order " + row.orderId() + ": " + order);
        }
        for (JsonNode unit : order.body().path("purchase_units")) {
            for (JsonNode refund : unit.path("payments").path("refunds")) {
                if (row.key().value().equals(refund.path("custom_id").asText())) {
                    return reported(row, refund);
                }
            }
        }
        return fromRow(refunds.answered(row.key(), null, NONE));
    }

    /** A refund as PayPal shows it (an answer, or a webhook's resource): recorded, and what it means. */
    public Outcome<PaymentTransaction> reported(RefundRow row, JsonNode refund) {
        String id = refund.path("id").asText(null);
        String status = refund.path("status").asText("");
        if (!Paths.isId(id) || status.isEmpty()) {
            return Outcome.undefined("PayPal's answer about the refund under " + row.key() + " names no refund");
        }
        return fromRow(refunds.answered(row.key(), id, status));
    }

    private Outcome<PaymentTransaction> answer(RefundRow row, ApiResult result) {
        if (result.ok()) {
            return reported(row, result.body());
        }
        if (result.undecided()) {
            return Outcome.undefined("PayPal did not confirm the refund under " + row.key() + ": " + result);
        }
        refunds.answered(row.key(), null, REFUSED);
        if (result.credentialsRefused()) {
            return Outcome.error("authentication", "PayPal refused the client id and secret: " + result.description());
        }
        return Outcome.error(result.issue(), "PayPal refused the refund: " + result.description());
    }

    private Outcome<PaymentTransaction> fromRow(RefundRow row) {
        PaymentTransaction transaction = PaymentTransaction.of(row.refundId(), row.amount(), clock.instant());
        return switch (row.status() == null ? "" : row.status()) {
            case "COMPLETED" -> Outcome.processed(transaction, row.refundId());
            case "PENDING" -> Outcome.pending(transaction, row.refundId(), "PayPal holds refund " + row.refundId());
            case "CANCELLED", "FAILED" -> Outcome.error(row.status(), "PayPal's refund " + row.refundId() + " "
                    + row.status().toLowerCase(Locale.ROOT));
            case REFUSED -> Outcome.error("refused", "PayPal refused the refund under " + row.key());
            case NONE -> Outcome.canceled("no refund was made under " + row.key());
            default -> Outcome.undefined("the refund under " + row.key() + " is " + row.status());
        };
    }
}
