package org.kontor.plugins.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Money PayPal takes back of a captured payment: a reversed capture (chargeback), a dispute decided for the buyer, a
 * refund made at PayPal rather than through the host. Each is a reversal of the order's payment, and the same money
 * reported by two of them counts once.
 */
@DatabaseTest(plugins = "payment-paypal")
class PayPalReversalTest {

    private PayPalFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private PayPalFixture.Order captured(String amount) throws Exception {
        PaymentRequest request = f.request(amount, "EUR");
        PayPalFixture.Order order = f.order(request);
        f.gateway.purchase(request);
        order.approved();
        assertThat(f.gateway.handleWebhook(f.webhook(order.event("checkout-order-approved")))).singleElement()
                .extracting(PaymentNotification::status).isEqualTo(OutcomeStatus.PROCESSED);
        return order;
    }

    @DbTest
    void aReversedCaptureIsAReversalOfTheOrdersPayment(Database db) throws Exception {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = captured("149.00");
        String event = order.event("payment-capture-reversed", "refundId", PayPalFixture.ids(17));

        List<PaymentNotification> reversed = f.gateway.handleWebhook(f.webhook(event));
        List<PaymentNotification> redelivered = f.gateway.handleWebhook(f.webhook(event));

        assertThat(reversed).singleElement().satisfies(n -> {
            assertThat(n.isReversal()).isTrue();
            assertThat(n.gatewayReference()).isEqualTo(order.orderId);
            assertThat(n.amount()).isEqualTo(Money.of("149.00", "EUR"));
            assertThat(n.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(n.reason()).isEqualTo("reversed by PayPal");
        });
        assertThat(redelivered).as("the same event reports the same").isEqualTo(reversed);

        String lost = order.event("customer-dispute-resolved", "outcome", "RESOLVED_BUYER_FAVOUR", "refunded", "149.00",
                "reason", "UNAUTHORISED");
        assertThat(f.gateway.handleWebhook(f.webhook(lost))).as("the chargeback's money was reported already").isEmpty();
    }

    @DbTest
    void aDisputeDecidedForTheBuyerIsAReversalAndOneForTheSellerIsNothing(Database db) throws Exception {
        f = new PayPalFixture(db);
        PayPalFixture.Order won = captured("60.00");
        assertThat(f.gateway.handleWebhook(f.webhook(won.event("customer-dispute-resolved",
                "outcome", "RESOLVED_SELLER_FAVOUR", "refunded", "0.00", "reason", "MERCHANDISE_OR_SERVICE_NOT_RECEIVED"))))
                .isEmpty();

        PayPalFixture.Order lost = captured("60.00");
        List<PaymentNotification> reversal = f.gateway.handleWebhook(f.webhook(lost.event("customer-dispute-resolved",
                "outcome", "RESOLVED_BUYER_FAVOUR", "refunded", "45.00", "reason", "MERCHANDISE_OR_SERVICE_NOT_RECEIVED")));
        assertThat(reversal).singleElement().satisfies(n -> {
            assertThat(n.isReversal()).isTrue();
            assertThat(n.gatewayReference()).isEqualTo(lost.orderId);
            assertThat(n.amount()).isEqualTo(Money.of("45.00", "EUR"));
            assertThat(n.reason()).isEqualTo("MERCHANDISE_OR_SERVICE_NOT_RECEIVED");
        });
        List<PaymentNotification> chargeback = f.gateway.handleWebhook(f.webhook(lost.event("payment-capture-reversed",
                "refundId", PayPalFixture.ids(17), "amount", "60.00")));
        assertThat(chargeback).as("only what the dispute did not report yet").singleElement()
                .satisfies(n -> assertThat(n.amount()).isEqualTo(Money.of("15.00", "EUR")));
    }

    @DbTest
    void aRefundMadeAtPayPalIsAReversalOfThePayment(Database db) throws Exception {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = captured("80.00");

        List<PaymentNotification> refunded = f.gateway.handleWebhook(f.webhook(order.event("payment-capture-refunded",
                "refundId", PayPalFixture.ids(17), "amount", "30.00", "customId", "")));

        assertThat(refunded).singleElement().satisfies(n -> {
            assertThat(n.isReversal()).isTrue();
            assertThat(n.gatewayReference()).isEqualTo(order.orderId);
            assertThat(n.amount()).isEqualTo(Money.of("30.00", "EUR"));
            assertThat(n.reason()).isEqualTo("refunded at PayPal");
        });
    }

    @DbTest
    void aReversalOfACaptureTheTableDoesNotKnowYetAsksPayPalForItsOrder(Database db) throws Exception {
        f = new PayPalFixture(db);
        PaymentRequest request = f.request("25.00", "EUR");
        PayPalFixture.Order order = f.order(request);
        f.gateway.purchase(request);
        order.captureDetails("COMPLETED");

        List<PaymentNotification> reversed = f.gateway.handleWebhook(f.webhook(order.event("payment-capture-reversed",
                "refundId", PayPalFixture.ids(17))));

        assertThat(reversed).singleElement().satisfies(n -> {
            assertThat(n.gatewayReference()).isEqualTo(order.orderId);
            assertThat(n.amount()).isEqualTo(Money.of("25.00", "EUR"));
        });
        assertThat(f.gateway.status(request.key()).status()).as("the capture PayPal showed is recorded")
                .isEqualTo(OutcomeStatus.PROCESSED);
    }
}
