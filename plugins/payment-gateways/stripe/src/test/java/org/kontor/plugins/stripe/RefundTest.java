package org.kontor.plugins.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.RefundRequest;
import org.kontor.database.Database;
import org.kontor.plugins.stripe.webhook.StripeEvents;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** Refunds through Stripe's recorded API and what refund and dispute events give back to Kontor. */
@DatabaseTest(plugins = StripeFixture.PLUGIN_ID)
class RefundTest {

    @DbTest
    void aFullRefundIsProcessedUnderItsKeyAndTheSameKeyAgainIsTheSameRefund(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = paid(f, "1295.00");
            IdempotencyKey key = IdempotencyKey.of("refund:" + StripeFixture.random(12));
            String refundId = f.refundAnswer(session, key, 129500, "succeeded");
            RefundRequest request = new RefundRequest(key, session.id(), Money.of("1295.00", "DKK"), "cancelled order");

            Outcome<PaymentTransaction> refunded = f.gateway().refund(request);
            Outcome<PaymentTransaction> again = f.gateway().refund(request);

            assertThat(refunded.status()).as(refunded.message()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(refunded.reference()).isEqualTo(refundId);
            assertThat(refunded.value().amount()).isEqualTo(Money.of("1295.00", "DKK"));
            assertThat(again.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(again.reference()).isEqualTo(refundId);
            f.stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds"))
                    .withHeader("Authorization", equalTo("Bearer " + StripeFixture.SECRET_KEY))
                    .withHeader("Idempotency-Key", equalTo(key.value()))
                    .withFormParam("payment_intent", equalTo(session.paymentIntent()))
                    .withFormParam("amount", equalTo("129500"))
                    .withFormParam("metadata[kontor_key]", equalTo(key.value()))
                    .withFormParam("metadata[kontor_reason]", equalTo("cancelled order")));
            assertThat(f.gateway().status(key).status()).isEqualTo(OutcomeStatus.PROCESSED);
        }
    }

    @DbTest
    void aPartialRefundPendingAtStripeIsSettledByItsEvent(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = paid(f, "1295.00");
            IdempotencyKey key = IdempotencyKey.of("refund:" + StripeFixture.random(12));
            String refundId = f.refundAnswer(session, key, 29500, "pending");

            Outcome<PaymentTransaction> pending = f.gateway().refund(new RefundRequest(key, session.id(),
                    Money.of("295.00", "DKK"), null));
            f.showRefund(session, refundId, 29500, "succeeded", key);
            List<PaymentNotification> settled = f.gateway().handleWebhook(f.signed(f.event("evt_3RfdKontorFixture1",
                    "refund.updated", f.refundJson(session, refundId, 29500, "succeeded", key))));

            assertThat(pending.status()).isEqualTo(OutcomeStatus.PENDING);
            assertThat(pending.reference()).isEqualTo(refundId);
            assertThat(settled).containsExactly(new PaymentNotification("evt_3RfdKontorFixture1", refundId,
                    OutcomeStatus.PROCESSED, Money.of("295.00", "DKK")));
            assertThat(f.gateway().status(key).status()).isEqualTo(OutcomeStatus.PROCESSED);
        }
    }

    @DbTest
    void chargeRefundedSettlesEachOfKontorsRefundsAndADashboardRefundIsAReversal(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = paid(f, "1295.00");
            IdempotencyKey key = IdempotencyKey.of("refund:" + StripeFixture.random(12));
            String ours = f.refundAnswer(session, key, 10000, "pending");
            f.gateway().refund(new RefundRequest(key, session.id(), Money.of("100.00", "DKK"), null));
            String dashboard = "re_3" + StripeFixture.random(23);
            String charge = f.chargeJson(session, 30000, List.of(
                    f.refundJson(session, ours, 10000, "succeeded", key),
                    f.refundJson(session, dashboard, 20000, "succeeded", null)));

            List<PaymentNotification> notifications = f.gateway().handleWebhook(f.signed(
                    f.event("evt_3ChgRfdKontorFixture1", "charge.refunded", charge)));
            List<PaymentNotification> dashboardAgain = f.gateway().handleWebhook(f.signed(f.event("refund.updated",
                    f.refundJson(session, dashboard, 20000, "succeeded", null))));

            assertThat(notifications).containsExactly(
                    new PaymentNotification("evt_3ChgRfdKontorFixture1:" + ours, ours, OutcomeStatus.PROCESSED,
                            Money.of("100.00", "DKK")),
                    PaymentNotification.reversal("refund:" + dashboard, session.id(), Money.of("200.00", "DKK"),
                            StripeEvents.REFUNDED_AT_STRIPE));
            assertThat(dashboardAgain).as("the same refund in another event: the same reversal, booked once")
                    .containsExactly(notifications.get(1));
        }
    }

    @DbTest
    void refundsStripeRefusesAreErrorsWithItsCode(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = paid(f, "1295.00");
            IdempotencyKey tooMuch = IdempotencyKey.of("refund:" + StripeFixture.random(12));
            IdempotencyKey twice = IdempotencyKey.of("refund:" + StripeFixture.random(12));
            f.refundRefused(twice, 400, "error-charge-already-refunded.json");

            Outcome<PaymentTransaction> over = f.gateway().refund(new RefundRequest(tooMuch, session.id(),
                    Money.of("1295.01", "DKK"), null));
            Outcome<PaymentTransaction> already = f.gateway().refund(new RefundRequest(twice, session.id(),
                    Money.of("1.00", "DKK"), null));
            Outcome<PaymentTransaction> unknown = f.gateway().refund(new RefundRequest(
                    IdempotencyKey.of("refund:unknown"), "cs_test_a1NotMadeThroughKontor", Money.of("1.00", "DKK"), null));
            Outcome<PaymentTransaction> currency = f.gateway().refund(new RefundRequest(
                    IdempotencyKey.of("refund:euro"), session.id(), Money.of("1.00", "EUR"), null));

            assertThat(over.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(over.code()).isEqualTo("invalid_request_error");
            assertThat(over.message()).contains("greater than charge amount");
            assertThat(already.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(already.code()).isEqualTo("charge_already_refunded");
            assertThat(f.gateway().status(twice).status()).as("refused, recorded").isEqualTo(OutcomeStatus.ERROR);
            assertThat(unknown.code()).isEqualTo("unknown-payment");
            assertThat(currency.code()).isEqualTo("currency");
            f.stripe.verify(2, postRequestedFor(urlEqualTo("/v1/refunds")));
        }
    }

    @DbTest
    void aRefundOfAPaymentKontorHasNoRecordOfIsRefusedOnlyOnceStripeSaysItKnowsItNeither(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            RefundRequest unknown = new RefundRequest(IdempotencyKey.of("refund:" + StripeFixture.random(12)),
                    "unreachable-" + StripeFixture.random(8), Money.of("1.00", "DKK"), null);

            Outcome<PaymentTransaction> whileDown = f.unreachableGateway().refund(unknown);
            Outcome<PaymentTransaction> refused = f.gateway().refund(unknown);

            assertThat(whileDown.status()).isEqualTo(OutcomeStatus.UNDEFINED);
            assertThat(refused.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(refused.code()).isEqualTo("unknown-payment");
            f.stripe.verify(0, postRequestedFor(urlEqualTo("/v1/refunds")));
        }
    }

    @DbTest
    void aRefundStripeDidNotAnswerIsUndefinedAndAskedAgainUnderItsKey(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = paid(f, "1295.00");
            IdempotencyKey key = IdempotencyKey.of("refund:" + StripeFixture.random(12));
            RefundRequest request = new RefundRequest(key, session.id(), Money.of("1295.00", "DKK"), null);
            f.providerDown();

            Outcome<PaymentTransaction> lost = f.gateway().refund(request);
            f.providerUp();
            String refundId = f.refundAnswer(session, key, 129500, "succeeded");
            Outcome<PaymentTransaction> status = f.gateway().status(key);

            assertThat(lost.status()).isEqualTo(OutcomeStatus.UNDEFINED);
            assertThat(status.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(status.reference()).isEqualTo(refundId);
            f.stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key",
                    equalTo(key.value())));
        }
    }

    @DbTest
    void aLostDisputeTakesTheDisputedAmountBackAndAWonOneNothing(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = paid(f, "1295.00");
            f.gateway().status(session.request().key());

            List<PaymentNotification> lost = f.gateway().handleWebhook(f.signed(f.event("evt_1DspKontorFixtureLost",
                    "charge.dispute.closed", f.disputeJson(session, 129500, "lost", "fraudulent"))));
            List<PaymentNotification> won = f.gateway().handleWebhook(f.signed(f.event("charge.dispute.closed",
                    f.disputeJson(session, 129500, "won", "fraudulent"))));

            assertThat(lost).containsExactly(PaymentNotification.reversal("evt_1DspKontorFixtureLost", session.id(),
                    Money.of("1295.00", "DKK"), "fraudulent"));
            assertThat(won).isEmpty();
        }
    }

    @DbTest
    void aDisputeOfAPaymentWhosePaymentIntentWasNotYetKnownIsFoundThroughStripe(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            PaymentRequest request = f.request("500.00", "DKK");
            StripeFixture.Session session = f.checkout(request);
            f.gateway().purchase(request);
            f.paid(session);

            List<PaymentNotification> lost = f.gateway().handleWebhook(f.signed(f.event("charge.dispute.closed",
                    f.disputeJson(session, 20000, "lost", "product_not_received"))));

            assertThat(lost).singleElement().satisfies(n -> {
                assertThat(n.isReversal()).isTrue();
                assertThat(n.gatewayReference()).isEqualTo(session.id());
                assertThat(n.amount()).isEqualTo(Money.of("200.00", "DKK"));
                assertThat(n.reason()).isEqualTo("product_not_received");
            });
        }
    }

    /** A payment the customer paid by card, its status asked once (so its PaymentIntent is known). */
    private static StripeFixture.Session paid(StripeFixture f, String amount) {
        PaymentRequest request = f.request(amount, "DKK");
        StripeFixture.Session session = f.checkout(request);
        assertThat(f.gateway().purchase(request).status()).isEqualTo(OutcomeStatus.PENDING);
        f.paid(session);
        assertThat(f.gateway().status(request.key()).status()).isEqualTo(OutcomeStatus.PROCESSED);
        return session;
    }
}
