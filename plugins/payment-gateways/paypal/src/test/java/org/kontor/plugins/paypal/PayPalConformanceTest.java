package org.kontor.plugins.paypal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.plugins.paypal.webhook.WebhookVerifier;
import org.kontor.testkit.DatabaseKind;
import org.kontor.testkit.TestDatabase;
import org.kontor.testkit.payment.Capabilities;
import org.kontor.testkit.payment.Notice;
import org.kontor.testkit.payment.PaymentGatewayConformance;

/**
 * The PayPal gateway keeps the contract of every gateway, against WireMock answering as PayPal's REST API does: a
 * purchase is an order created under the key as PayPal-Request-Id (the fixture stubs PayPal's side of each order it
 * hands out), the payer approves it at PayPal and the gateway captures it, refunds are kept by PayPal within what is
 * left of the capture, once per request id, and PayPal's webhooks (signed over their transmission time) report the
 * order's outcome and reversed captures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayPalConformanceTest extends PaymentGatewayConformance {

    private final TestDatabase database = TestDatabase.of(kind())
            .migratePlugins(PayPalGateway.class.getClassLoader(), "payment-paypal");
    private final PayPalFixture paypal = new PayPalFixture(database.database());
    /** PayPal's side of each order, by the key it was asked for under. */
    private final Map<String, PayPalFixture.Order> orders = new ConcurrentHashMap<>();

    PayPalConformanceTest() {
        paypal.keepRefunds();
    }

    DatabaseKind kind() {
        return DatabaseKind.SQLITE;
    }

    @AfterAll
    void close() {
        paypal.close();
        database.close();
    }

    @Override
    protected PaymentGateway gateway() {
        return new PayPalGateway(paypal.context);
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.none().withRefunds()
                .withWebhooks(Set.of(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING, OutcomeStatus.ERROR,
                        OutcomeStatus.CANCELED), "paypal-transmission-sig", "paypal-cert-url", "paypal-auth-algo")
                .withReversals()
                .withSignedTimestamps(WebhookVerifier.MAX_SKEW)
                .withProvider();
    }

    /** A PayPal payment; PayPal answers the key with a new order waiting for the payer. */
    @Override
    protected PaymentRequest paymentRequest(IdempotencyKey key) {
        PaymentRequest request = paypal.request(key, "49.00", "EUR");
        orders.put(key.value(), paypal.order(request));
        return request;
    }

    /** The payer approves the order at PayPal; the gateway captures it when it next asks. */
    @Override
    protected void settle(PaymentRequest request, PaymentTransaction payment) {
        order(request).approvedUntilCaptured();
    }

    /**
     * PayPal's event for the order's new state: CHECKOUT.ORDER.APPROVED with the capture completing (PROCESSED),
     * held for review (PENDING) or declined (ERROR), CHECKOUT.ORDER.VOIDED (CANCELED); for a reversal
     * PAYMENT.CAPTURE.REVERSED of the whole capture, which the janitor made first.
     */
    @Override
    protected WebhookRequest webhook(Notice notice) {
        PayPalFixture.Order order = order(notice.request());
        String body;
        if (notice.isReversal()) {
            Outcome<PaymentTransaction> captured = gateway().status(notice.request().key());
            if (captured.status() != OutcomeStatus.PROCESSED) {
                throw new IllegalStateException("the settled order " + order.orderId + " was not captured: "
                        + captured.status() + " " + captured.message());
            }
            body = order.event("payment-capture-reversed", "eventId", notice.eventId(), "refundId", PayPalFixture.ids(17));
        } else {
            switch (notice.status()) {
                case PROCESSED -> order.approvedUntilCaptured();
                case PENDING -> order.answerOrder(200, "order-approved.json")
                        .captureAnswers(201, "order-completed.json", "PENDING");
                case ERROR -> order.answerOrder(200, "order-approved.json")
                        .captureAnswers(422, "error-422-instrument-declined.json", "DECLINED");
                case CANCELED -> order.answerOrder(200, "order-voided.json");
                default -> throw new IllegalArgumentException("PayPal notifies no " + notice.status() + " order");
            }
            body = order.event(notice.status() == OutcomeStatus.CANCELED ? "checkout-order-voided"
                    : "checkout-order-approved", "eventId", notice.eventId());
        }
        return paypal.webhook(body, PayPalFixture.WEBHOOK_ID, notice.sentAt());
    }

    @Override
    protected Optional<PaymentGateway> unreachableGateway() {
        return Optional.of(paypal.unreachableGateway());
    }

    @Override
    protected Clock clock() {
        return paypal.clock;
    }

    private PayPalFixture.Order order(PaymentRequest request) {
        PayPalFixture.Order order = orders.get(request.key().value());
        if (order == null) {
            throw new IllegalArgumentException("paymentRequest() made no order under " + request.key());
        }
        return order;
    }
}
