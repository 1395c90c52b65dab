package org.kontor.plugins.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Orders v2 against WireMock answering as PayPal: the order and its approval page, the capture that happens once
 * whether the janitor's question or the approval webhook comes first (or both, or twice), and what a refusal, an
 * expired order or PayPal being down mean for the payment.
 */
@DatabaseTest(plugins = "payment-paypal")
class PayPalCheckoutTest {

    private PayPalFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @DbTest
    void aPurchaseCreatesAnOrderAndSendsTheCustomerToPayPalsApprovalPage(Database db) {
        f = new PayPalFixture(db);
        PaymentRequest request = f.request("129.50", "EUR");
        PayPalFixture.Order order = f.order(request);

        Outcome<PaymentTransaction> outcome = f.gateway.purchase(request);

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(outcome.reference()).isEqualTo(order.orderId);
        assertThat(outcome.value().gatewayReference()).isEqualTo(order.orderId);
        assertThat(outcome.value().amount()).isEqualTo(Money.of("129.50", "EUR"));
        assertThat(outcome.value().redirectUrl()).hasToString(order.approveUrl());
        f.paypal.verify(1, postRequestedFor(urlEqualTo("/v2/checkout/orders"))
                .withHeader("PayPal-Request-Id", equalTo(request.key().value()))
                .withHeader("Authorization", equalTo("Bearer " + PayPalFixture.TOKEN))
                .withHeader("Prefer", equalTo("return=representation"))
                .withRequestBody(equalToJson("""
                        {"intent": "CAPTURE",
                         "purchase_units": [{"custom_id": "%1$s", "invoice_id": "%1$s",
                           "description": "Invoice 2026-0042",
                           "amount": {"currency_code": "EUR", "value": "129.50"}}],
                         "payment_source": {"paypal": {"experience_context": {
                           "user_action": "PAY_NOW", "shipping_preference": "NO_SHIPPING",
                           "return_url": "https://kontor.example/payments/return",
                           "cancel_url": "https://kontor.example/payments/return"}}}}
                        """.formatted(request.metadata().get("paymentId")))));
        f.paypal.verify(1, postRequestedFor(urlEqualTo("/v1/oauth2/token")));

        PaymentRequest second = f.request("10.00", "EUR");
        f.order(second);
        assertThat(f.gateway.purchase(second).status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(f.paypal.findAll(postRequestedFor(urlEqualTo("/v1/oauth2/token")))).as("the token is kept until it expires").hasSize(1);
        f.clock.advance(Duration.ofHours(9));
        f.gateway.status(request.key());
        assertThat(f.paypal.findAll(postRequestedFor(urlEqualTo("/v1/oauth2/token")))).as("an expired token is replaced").hasSize(2);
    }

    @DbTest
    void theSameKeyAgainAnswersTheSameOrderWithoutCreatingAnother(Database db) {
        f = new PayPalFixture(db);
        PaymentRequest request = f.request("50.00", "DKK");
        PayPalFixture.Order order = f.order(request);
        f.gateway.purchase(request);

        Outcome<PaymentTransaction> again = f.gateway.purchase(request);

        assertThat(again.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(again.reference()).isEqualTo(order.orderId);
        assertThat(again.value().redirectUrl()).hasToString(order.approveUrl());
        f.paypal.verify(1, postRequestedFor(urlEqualTo("/v2/checkout/orders")));
        PaymentRequest other = new PaymentRequest(request.key(), Money.of("60.00", "DKK"), PaymentMethodType.PAYPAL,
                "x", "x", "c", null, null, Map.of());
        assertThat(f.gateway.purchase(other).code()).isEqualTo("key-reused");
    }

    @DbTest
    void theApprovalWebhookCapturesOnceEvenWhenDeliveredTwiceAndTheJanitorAsksToo(Database db) throws Exception {
        f = new PayPalFixture(db);
        PaymentRequest request = f.request("129.50", "EUR");
        PayPalFixture.Order order = f.order(request);
        f.gateway.purchase(request);
        order.approved();
        String approval = order.event("checkout-order-approved");

        List<PaymentNotification> first = f.gateway.handleWebhook(f.webhook(approval));
        List<PaymentNotification> redelivered = f.gateway.handleWebhook(f.webhook(approval));
        Outcome<PaymentTransaction> asked = f.gateway.status(request.key());

        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.notificationId()).isEqualTo(idOf(approval));
            assertThat(n.gatewayReference()).isEqualTo(order.orderId);
            assertThat(n.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(n.amount()).isEqualTo(Money.of("129.50", "EUR"));
            assertThat(n.isReversal()).isFalse();
        });
        assertThat(redelivered).isEqualTo(first);
        assertThat(asked.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(asked.reference()).isEqualTo(order.orderId);
        f.paypal.verify(1, postRequestedFor(urlEqualTo(order.capturePath()))
                .withHeader("PayPal-Request-Id", equalTo("capture:" + request.key().value()))
                .withHeader("Authorization", equalTo("Bearer " + PayPalFixture.TOKEN)));
        assertThat(f.paypal.findAll(getRequestedFor(urlEqualTo(order.orderPath())))).as("a recorded capture is not asked about")
                .isEmpty();
    }

    @DbTest
    void theJanitorCapturesAnApprovedOrderOnceAndTheLaterWebhookChangesNothing(Database db) throws Exception {
        f = new PayPalFixture(db);
        PaymentRequest request = f.request("75.00", "EUR");
        PayPalFixture.Order order = f.order(request);
        f.gateway.purchase(request);

        Outcome<PaymentTransaction> waiting = f.gateway.status(request.key());
        assertThat(waiting.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(waiting.value().redirectUrl()).hasToString(order.approveUrl());
        f.paypal.verify(0, postRequestedFor(urlEqualTo(order.capturePath())));

        order.approved();
        Outcome<PaymentTransaction> captured = f.gateway.status(request.key());
        Outcome<PaymentTransaction> again = f.gateway.status(request.key());
        List<PaymentNotification> late = f.gateway.handleWebhook(f.webhookFor(order, "checkout-order-approved"));

        assertThat(captured.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(captured.value().amount()).isEqualTo(Money.of("75.00", "EUR"));
        assertThat(again.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(late).singleElement().extracting(PaymentNotification::status).isEqualTo(OutcomeStatus.PROCESSED);
        f.paypal.verify(1, postRequestedFor(urlEqualTo(order.capturePath())));
    }

    @DbTest
    void aCaptureOfAnOrderCapturedUnderAnotherRequestIdReadsTheCaptureInstead(Database db) {
        f = new PayPalFixture(db);
        PaymentRequest request = f.request("20.00", "EUR");
        PayPalFixture.Order order = f.order(request);
        f.gateway.purchase(request);
        order.answerOrder(200, "order-approved.json")
                .captureAnswers(422, "error-422-order-already-captured.json", "COMPLETED");

        Outcome<PaymentTransaction> first = f.gateway.status(request.key());
        assertThat(first.status()).as("PayPal still shows it approved: not known yet").isEqualTo(OutcomeStatus.PENDING);
        order.answerOrder(200, "order-completed.json");
        Outcome<PaymentTransaction> settled = f.gateway.status(request.key());

        assertThat(settled.status()).isEqualTo(OutcomeStatus.PROCESSED);
        f.paypal.verify(1, postRequestedFor(urlEqualTo(order.capturePath())));
    }

    @DbTest
    void aDeclinedInstrumentIsAnErrorAndTheOrderIsNeverCapturedAfterwards(Database db) throws Exception {
        f = new PayPalFixture(db);
        PaymentRequest request = f.request("99.00", "EUR");
        PayPalFixture.Order order = f.order(request);
        f.gateway.purchase(request);
        order.answerOrder(200, "order-approved.json")
                .captureAnswers(422, "error-422-instrument-declined.json", "COMPLETED");

        Outcome<PaymentTransaction> declined = f.gateway.status(request.key());

        assertThat(declined.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(declined.code()).isEqualTo("INSTRUMENT_DECLINED");
        assertThat(declined.message()).contains("debug id b1d1f06c7246c");
        order.approved();
        List<PaymentNotification> approvedAgain = f.gateway.handleWebhook(f.webhook(order.event("checkout-order-approved")));
        assertThat(approvedAgain).singleElement().extracting(PaymentNotification::status)
                .isEqualTo(OutcomeStatus.CANCELED);
        assertThat(f.gateway.status(request.key()).status()).isEqualTo(OutcomeStatus.CANCELED);
        f.paypal.verify(1, postRequestedFor(urlEqualTo(order.capturePath())));
    }

    @DbTest
    void aPendingCaptureIsSettledByTheCaptureWebhooks(Database db) throws Exception {
        f = new PayPalFixture(db);
        PaymentRequest held = f.request("300.00", "EUR");
        PayPalFixture.Order order = f.order(held);
        f.gateway.purchase(held);
        order.answerOrder(200, "order-approved.json").captureAnswers(201, "order-completed.json", "PENDING");

        List<PaymentNotification> approval = f.gateway.handleWebhook(f.webhook(order.event("checkout-order-approved")));
        assertThat(approval).singleElement().extracting(PaymentNotification::status).isEqualTo(OutcomeStatus.PENDING);
        order.answerOrder(200, "order-completed.json", "PENDING");
        Outcome<PaymentTransaction> asked = f.gateway.status(held.key());
        assertThat(asked.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(asked.message()).contains("PENDING_REVIEW");

        List<PaymentNotification> completed = f.gateway.handleWebhook(f.webhook(order.event("payment-capture",
                "captureStatus", "COMPLETED")));
        assertThat(completed).singleElement().satisfies(n -> {
            assertThat(n.gatewayReference()).isEqualTo(order.orderId);
            assertThat(n.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(n.amount()).isEqualTo(Money.of("300.00", "EUR"));
        });
        assertThat(f.gateway.status(held.key()).status()).isEqualTo(OutcomeStatus.PROCESSED);

        PaymentRequest denied = f.request("45.00", "EUR");
        PayPalFixture.Order other = f.order(denied);
        f.gateway.purchase(denied);
        other.answerOrder(200, "order-approved.json").captureAnswers(201, "order-completed.json", "PENDING");
        f.gateway.status(denied.key());
        other.answerOrder(200, "order-completed.json", "PENDING");
        assertThat(f.gateway.status(denied.key()).status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(f.gateway.handleWebhook(f.webhook(other.event("payment-capture", "captureStatus", "PENDING"))))
                .singleElement().extracting(PaymentNotification::status).isEqualTo(OutcomeStatus.PENDING);
        assertThat(f.gateway.handleWebhook(f.webhook(other.event("payment-capture", "captureStatus", "DENIED"))))
                .singleElement().extracting(PaymentNotification::status).isEqualTo(OutcomeStatus.ERROR);
        assertThat(f.gateway.status(denied.key()).status()).isEqualTo(OutcomeStatus.CANCELED);
        f.paypal.verify(1, postRequestedFor(urlEqualTo(other.capturePath())));
    }

    @DbTest
    void aVoidedOrExpiredOrderIsCanceled(Database db) throws Exception {
        f = new PayPalFixture(db);
        PaymentRequest voided = f.request("12.00", "EUR");
        PayPalFixture.Order order = f.order(voided);
        f.gateway.purchase(voided);
        assertThat(f.gateway.handleWebhook(f.webhook(order.event("checkout-order-voided")))).singleElement()
                .satisfies(n -> {
                    assertThat(n.status()).isEqualTo(OutcomeStatus.CANCELED);
                    assertThat(n.gatewayReference()).isEqualTo(order.orderId);
                });
        order.approved();
        assertThat(f.gateway.handleWebhook(f.webhook(order.event("checkout-order-approved")))).singleElement()
                .extracting(PaymentNotification::status).isEqualTo(OutcomeStatus.CANCELED);
        f.paypal.verify(0, postRequestedFor(urlEqualTo(order.capturePath())));

        PaymentRequest abandoned = f.request("13.00", "EUR");
        PayPalFixture.Order expired = f.order(abandoned);
        f.gateway.purchase(abandoned);
        expired.answerOrder(404, "error-404-resource-not-found.json");
        Outcome<PaymentTransaction> gone = f.gateway.status(abandoned.key());
        assertThat(gone.status()).isEqualTo(OutcomeStatus.CANCELED);
        assertThat(gone.message()).contains("expired");

        PaymentRequest dropped = f.request("14.00", "EUR");
        PayPalFixture.Order voidedOrder = f.order(dropped);
        f.gateway.purchase(dropped);
        voidedOrder.answerOrder(200, "order-voided.json");
        assertThat(f.gateway.status(dropped.key()).status()).isEqualTo(OutcomeStatus.CANCELED);
    }

    @DbTest
    void paypalDownIsUndefinedAndTheSameOrderIsAskedForAgainUnderTheSameRequestId(Database db) {
        f = new PayPalFixture(db);
        PaymentRequest request = f.request("42.00", "EUR");
        PayPalFixture.Order order = f.order(request);
        order.creationAnswers(500, "error-500-internal-server-error.json");

        Outcome<PaymentTransaction> down = f.gateway.purchase(request);
        assertThat(down.status()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(down.message()).contains("INTERNAL_SERVER_ERROR");

        order.created();
        Outcome<PaymentTransaction> later = f.gateway.status(request.key());
        assertThat(later.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(later.reference()).isEqualTo(order.orderId);
        f.paypal.verify(2, postRequestedFor(urlEqualTo("/v2/checkout/orders"))
                .withHeader("PayPal-Request-Id", equalTo(request.key().value())));

        PaymentRequest slow = f.request("43.00", "EUR");
        f.order(slow);
        f.paypal.stubFor(post(urlEqualTo("/v2/checkout/orders")).withHeader("PayPal-Request-Id",
                equalTo(slow.key().value())).willReturn(aResponse().withStatus(201).withFixedDelay(3_000)));
        assertThat(f.gateway.purchase(slow).status()).as("no answer within the timeout").isEqualTo(OutcomeStatus.UNDEFINED);

        PaymentRequest lost = f.request("44.00", "EUR");
        f.order(lost).creationAnswers(503, "error-500-internal-server-error.json");
        f.gateway.purchase(lost);
        f.clock.advance(Duration.ofHours(6));
        Outcome<PaymentTransaction> tooLate = f.gateway.status(lost.key());
        assertThat(tooLate.status()).as("past PayPal's request id window nothing is created blindly")
                .isEqualTo(OutcomeStatus.CANCELED);
        f.paypal.verify(1, postRequestedFor(urlEqualTo("/v2/checkout/orders"))
                .withHeader("PayPal-Request-Id", equalTo(lost.key().value())));

        f.paypal.stop();
        assertThat(f.gateway.status(request.key()).status()).as("connection refused").isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(f.gateway.purchase(f.request("45.00", "EUR")).status()).isEqualTo(OutcomeStatus.UNDEFINED);
    }

    @DbTest
    void refusedCredentialsAndUnknownKeysAreAnsweredWithoutGuessing(Database db) {
        f = new PayPalFixture(db);
        assertThat(f.gateway.status(IdempotencyKey.of("pay:never-seen")).status()).isEqualTo(OutcomeStatus.CANCELED);
        assertThat(f.gateway.purchase(new PaymentRequest(IdempotencyKey.of("pay:card"), Money.of("1.00", "EUR"),
                PaymentMethodType.CARD, "r", "d", "c", null, null, Map.of())).code()).isEqualTo("method");
        assertThat(f.gateway.supports(Currency.getInstance("EUR"))).isTrue();
        assertThat(f.gateway.supports(Currency.getInstance("RON"))).isFalse();
        assertThat(f.gateway.purchase(f.request("1.00", "RON")).code()).isEqualTo("currency");

        f.settings.put(PayPalSettings.CLIENT_SECRET, "a-wrong-secret");
        Outcome<PaymentTransaction> refused = f.gateway.purchase(f.request("5.00", "EUR"));
        assertThat(refused.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(refused.code()).isEqualTo("authentication");
        assertThat(refused.message()).contains("Client Authentication failed").doesNotContain("a-wrong-secret");
        f.paypal.verify(0, postRequestedFor(urlEqualTo("/v2/checkout/orders")));

        f.settings.remove(PayPalSettings.CLIENT_SECRET);
        assertThat(f.gateway.supports(Currency.getInstance("EUR"))).as("not configured").isFalse();
    }

    @DbTest
    void eventsAboutOtherOrdersOrOfOtherKindsMeanNothing(Database db) throws Exception {
        f = new PayPalFixture(db);
        PaymentRequest request = f.request("10.00", "EUR");
        PayPalFixture.Order notOurs = f.order(request);

        assertThat(f.gateway.handleWebhook(f.webhook(notOurs.event("checkout-order-approved")))).isEmpty();
        assertThat(f.gateway.handleWebhook(f.webhook(PayPalFixture.event("billing-subscription-created",
                Map.of("eventId", PayPalFixture.eventId()))))).isEmpty();
        f.paypal.verify(0, postRequestedFor(urlEqualTo(notOurs.capturePath())));
    }

    private static String idOf(String event) {
        int at = event.indexOf("\"id\": \"") + 7;
        return event.substring(at, event.indexOf('"', at));
    }
}
