package org.kontor.plugins.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** Refunds of captured PayPal payments: full, partial, the same key twice, refused, unanswered and pending. */
@DatabaseTest(plugins = "payment-paypal")
class PayPalRefundTest {

    private PayPalFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    /** A payment of {@code amount} EUR, approved and captured. */
    private PayPalFixture.Order captured(String amount) {
        PaymentRequest request = f.request(amount, "EUR");
        PayPalFixture.Order order = f.order(request);
        f.gateway.purchase(request);
        order.approved();
        assertThat(f.gateway.status(request.key()).status()).isEqualTo(OutcomeStatus.PROCESSED);
        order.answerOrder(200, "order-completed.json");
        return order;
    }

    private static RefundRequest refund(String key, String orderId, String amount) {
        return new RefundRequest(IdempotencyKey.of(key), orderId, Money.of(amount, "EUR"), "customer cancelled");
    }

    @DbTest
    void aFullRefundAndTwoPartialOnesAreMadeUnderTheirKeys(Database db) {
        f = new PayPalFixture(db);
        PayPalFixture.Order full = captured("100.00");
        String refundId = PayPalFixture.ids(17);
        full.refundAnswers("refund:full-1", 201, "refund.json", "COMPLETED", refundId);

        Outcome<PaymentTransaction> refunded = f.gateway.refund(refund("refund:full-1", full.orderId, "100.00"));

        assertThat(refunded.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(refunded.reference()).isEqualTo(refundId);
        assertThat(refunded.value().amount()).isEqualTo(Money.of("100.00", "EUR"));
        f.paypal.verify(1, postRequestedFor(urlEqualTo(full.refundPath()))
                .withHeader("PayPal-Request-Id", equalTo("refund:full-1"))
                .withHeader("Authorization", equalTo("Bearer " + PayPalFixture.TOKEN))
                .withRequestBody(equalToJson("{\"amount\": {\"currency_code\": \"EUR\", \"value\": \"100.00\"}, "
                        + "\"custom_id\": \"refund:full-1\"}")));

        PayPalFixture.Order partial = captured("80.00");
        partial.refundAnswers("refund:part-1", 201, "refund.json", "COMPLETED", PayPalFixture.ids(17))
                .refundAnswers("refund:part-2", 201, "refund.json", "COMPLETED", PayPalFixture.ids(17));
        Outcome<PaymentTransaction> first = f.gateway.refund(refund("refund:part-1", partial.orderId, "30.00"));
        Outcome<PaymentTransaction> second = f.gateway.refund(refund("refund:part-2", partial.key, "25.50"));
        assertThat(first.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(second.status()).as("the host may name the payment by its key").isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(second.value().amount()).isEqualTo(Money.of("25.50", "EUR"));
        assertThat(first.reference()).isNotEqualTo(second.reference());
        f.paypal.verify(2, postRequestedFor(urlEqualTo(partial.refundPath())));
    }

    @DbTest
    void theSameKeyTwiceRefundsOnce(Database db) {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = captured("60.00");
        order.refundAnswers("refund:twice", 201, "refund.json", "COMPLETED", PayPalFixture.ids(17));

        Outcome<PaymentTransaction> first = f.gateway.refund(refund("refund:twice", order.orderId, "20.00"));
        Outcome<PaymentTransaction> again = f.gateway.refund(refund("refund:twice", order.orderId, "20.00"));
        Outcome<PaymentTransaction> asked = f.gateway.status(IdempotencyKey.of("refund:twice"));
        Outcome<PaymentTransaction> otherAmount = f.gateway.refund(refund("refund:twice", order.orderId, "21.00"));

        assertThat(again.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(again.reference()).isEqualTo(first.reference());
        assertThat(asked.reference()).isEqualTo(first.reference());
        assertThat(otherAmount.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(otherAmount.code()).isEqualTo("key-reused");
        f.paypal.verify(1, postRequestedFor(urlEqualTo(order.refundPath())));
    }

    @DbTest
    void aRefusalIsAnErrorAndPayPalDownIsAskedAgainUnderTheSameRequestId(Database db) {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = captured("40.00");
        order.refundAnswers("refund:too-much", 422, "error-422-refund-amount-exceeded.json", "", "");

        Outcome<PaymentTransaction> refused = f.gateway.refund(refund("refund:too-much", order.orderId, "40.00"));
        assertThat(refused.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(refused.code()).isEqualTo("REFUND_AMOUNT_EXCEEDED");
        assertThat(f.gateway.status(IdempotencyKey.of("refund:too-much")).status()).isEqualTo(OutcomeStatus.ERROR);

        order.refundAnswers("refund:down", 500, "error-500-internal-server-error.json", "", "");
        Outcome<PaymentTransaction> down = f.gateway.refund(refund("refund:down", order.orderId, "10.00"));
        assertThat(down.status()).isEqualTo(OutcomeStatus.UNDEFINED);
        String refundId = PayPalFixture.ids(17);
        order.refundAnswers("refund:down", 201, "refund.json", "COMPLETED", refundId);
        Outcome<PaymentTransaction> later = f.gateway.status(IdempotencyKey.of("refund:down"));
        assertThat(later.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(later.reference()).isEqualTo(refundId);
        f.paypal.verify(2, postRequestedFor(urlEqualTo(order.refundPath()))
                .withHeader("PayPal-Request-Id", equalTo("refund:down")));

        order.refundAnswers("refund:lost", 503, "error-500-internal-server-error.json", "", "");
        f.gateway.refund(refund("refund:lost", order.orderId, "5.00"));
        f.clock.advance(Duration.ofHours(6));
        Outcome<PaymentTransaction> neverMade = f.gateway.status(IdempotencyKey.of("refund:lost"));
        assertThat(neverMade.status()).as("past the request id window the order's refunds are read instead")
                .isEqualTo(OutcomeStatus.CANCELED);
        f.paypal.verify(1, postRequestedFor(urlEqualTo(order.refundPath()))
                .withHeader("PayPal-Request-Id", equalTo("refund:lost")));

        assertThat(f.gateway.refund(refund("refund:unknown", "5O190127TN364715T", "1.00")).code())
                .isEqualTo("unknown-payment");
    }

    @DbTest
    void aPendingRefundIsSettledByItsWebhook(Database db) throws Exception {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = captured("90.00");
        String refundId = PayPalFixture.ids(17);
        order.refundAnswers("refund:echeck", 201, "refund.json", "PENDING", refundId);

        Outcome<PaymentTransaction> pending = f.gateway.refund(refund("refund:echeck", order.orderId, "90.00"));
        assertThat(pending.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(pending.reference()).isEqualTo(refundId);

        List<PaymentNotification> settled = f.gateway.handleWebhook(f.webhook(order.event("payment-capture-refunded",
                "refundId", refundId, "amount", "90.00", "customId", "refund:echeck")));
        assertThat(settled).singleElement().satisfies(n -> {
            assertThat(n.gatewayReference()).isEqualTo(refundId);
            assertThat(n.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(n.amount()).isEqualTo(Money.of("90.00", "EUR"));
            assertThat(n.isReversal()).isFalse();
        });
        assertThat(f.gateway.status(IdempotencyKey.of("refund:echeck")).status()).isEqualTo(OutcomeStatus.PROCESSED);
    }
}
