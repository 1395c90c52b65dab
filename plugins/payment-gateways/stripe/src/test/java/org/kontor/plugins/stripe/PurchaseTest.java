package org.kontor.plugins.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.slf4j.LoggerFactory;

/** Purchases and their status against Stripe's recorded API: Checkout Sessions, off-session charges, lost answers. */
@DatabaseTest(plugins = StripeFixture.PLUGIN_ID)
class PurchaseTest {

    @DbTest
    void aPurchaseCreatesACheckoutSessionAndSendsTheCustomerToIt(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            PaymentRequest request = f.request("129.50", "DKK");
            StripeFixture.Session session = f.checkout(request);

            Outcome<PaymentTransaction> outcome = f.gateway().purchase(request);

            assertThat(outcome.status()).as(outcome.message()).isEqualTo(OutcomeStatus.PENDING);
            assertThat(outcome.reference()).isEqualTo(session.id());
            assertThat(outcome.value().gatewayReference()).isEqualTo(session.id());
            assertThat(outcome.value().amount()).isEqualTo(Money.of("129.50", "DKK"));
            assertThat(outcome.value().redirectUrl()).hasHost("checkout.stripe.com")
                    .hasPath("/c/pay/" + session.id());
            f.stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                    .withHeader("Authorization", equalTo("Bearer " + StripeFixture.SECRET_KEY))
                    .withHeader("Idempotency-Key", equalTo(request.key().value()))
                    .withHeader("Stripe-Version", equalTo("2024-06-20"))
                    .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                    .withFormParam("mode", equalTo("payment"))
                    .withFormParam("line_items[0][quantity]", equalTo("1"))
                    .withFormParam("line_items[0][price_data][currency]", equalTo("dkk"))
                    .withFormParam("line_items[0][price_data][unit_amount]", equalTo("12950"))
                    .withFormParam("line_items[0][price_data][product_data][name]", equalTo("Invoice 2030-0042"))
                    .withFormParam("client_reference_id", equalTo(request.metadata().get("paymentId")))
                    .withFormParam("metadata[kontor_key]", equalTo(request.key().value()))
                    .withFormParam("payment_intent_data[metadata][kontor_key]", equalTo(request.key().value()))
                    .withFormParam("success_url", equalTo(StripeFixture.RETURN_URL))
                    .withFormParam("cancel_url", equalTo(StripeFixture.RETURN_URL)));
            assertThat(f.gateway().status(request.key()).status()).as("not paid by coming back")
                    .isEqualTo(OutcomeStatus.PENDING);
        }
    }

    @DbTest
    void theStatusFollowsTheSessionPaidProcessingFailedOrExpired(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session paid = purchased(f, "80.00");
            StripeFixture.Session processing = purchased(f, "81.00");
            StripeFixture.Session failed = purchased(f, "82.00");
            StripeFixture.Session expired = purchased(f, "83.00");

            f.paid(paid);
            f.processing(processing);
            f.debitFailed(failed);
            f.expired(expired);

            Outcome<PaymentTransaction> processed = f.gateway().status(paid.request().key());
            assertThat(processed.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(processed.reference()).isEqualTo(paid.id());
            assertThat(processed.value().amount()).isEqualTo(Money.of("80.00", "DKK"));
            assertThat(f.gateway().status(processing.request().key()).status()).isEqualTo(OutcomeStatus.PENDING);
            Outcome<PaymentTransaction> error = f.gateway().status(failed.request().key());
            assertThat(error.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(error.code()).isEqualTo("payment_method_provider_decline");
            assertThat(f.gateway().status(expired.request().key()).status()).isEqualTo(OutcomeStatus.CANCELED);
            assertThat(f.gateway().status(IdempotencyKey.of("pay:never-asked")).status())
                    .isEqualTo(OutcomeStatus.CANCELED);
        }
    }

    @DbTest
    void theSameKeyAgainIsTheSamePaymentAndAnotherAmountUnderItIsRefused(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            PaymentRequest request = f.request("129.50", "DKK");
            StripeFixture.Session session = f.checkout(request);
            f.gateway().purchase(request);

            Outcome<PaymentTransaction> again = f.gateway().purchase(request);
            Outcome<PaymentTransaction> other = f.gateway().purchase(new PaymentRequest(request.key(),
                    Money.of("130.50", "DKK"), request.method(), request.reference(), request.description(),
                    request.customerId(), request.returnUrl(), request.cancelUrl(), request.metadata()));

            assertThat(again.status()).isEqualTo(OutcomeStatus.PENDING);
            assertThat(again.reference()).isEqualTo(session.id());
            assertThat(other.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(other.code()).isEqualTo("idempotency-key-reused");
            f.stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
        }
    }

    @DbTest
    void aLostAnswerIsUndefinedAndTheStatusSendsTheSameRequestUnderTheSameKey(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            PaymentRequest request = new PaymentRequest(IdempotencyKey.of("pay:lost-answer"), Money.of("129.50", "DKK"),
                    PaymentMethodType.CARD, "2030-0042", "Invoice 2030-0042", "customer-7",
                    URI.create(StripeFixture.RETURN_URL), null, Map.of("paymentId", "payment-lost-answer"));

            Outcome<PaymentTransaction> lost = f.gateway().purchase(request);
            Outcome<PaymentTransaction> status = f.gateway().status(request.key());

            assertThat(lost.status()).as("Stripe answered 500").isEqualTo(OutcomeStatus.UNDEFINED);
            assertThat(status.status()).isEqualTo(OutcomeStatus.PENDING);
            assertThat(status.reference()).isEqualTo("cs_test_a1LostAnswerKontorFixture0m9Qz8Xw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg");
            assertThat(status.value().redirectUrl()).isNotNull();
            var sent = f.stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
            assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key"))
                    .isEqualTo("pay:lost-answer"));
            assertThat(sent.get(1).getBodyAsString()).as("the very same request").isEqualTo(sent.get(0).getBodyAsString());
            assertThat(f.gateway().status(request.key()).reference()).as("now recorded, asked by GET")
                    .isEqualTo(status.reference());
            f.stripe.verify(2, postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
        }
    }

    @DbTest
    void aProviderThatCannotBeReachedIsUndefinedNeverAnExceptionAndTheKeyIsNotLogged(Database database) {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (StripeFixture f = new StripeFixture(database)) {
            PaymentRequest request = f.request("129.50", "DKK");
            f.providerDown();

            Outcome<PaymentTransaction> purchase = f.gateway().purchase(request);
            Outcome<PaymentTransaction> status = f.gateway().status(request.key());

            assertThat(purchase.status()).isEqualTo(OutcomeStatus.UNDEFINED);
            assertThat(status.status()).isEqualTo(OutcomeStatus.UNDEFINED);
            f.clock.advance(Duration.ofHours(24));
            assertThat(f.gateway().status(request.key()).status())
                    .as("a session that Stripe never answered about more than a day ago has expired in any case")
                    .isEqualTo(OutcomeStatus.CANCELED);
            assertThat(logged.list).isNotEmpty().noneSatisfy(event -> assertThat(event.getFormattedMessage()
                    + event.getThrowableProxy()).contains(StripeFixture.SECRET_KEY));
        } finally {
            root.detachAppender(logged);
        }
    }

    @DbTest
    void aSavedCardIsChargedOffSessionAndADeclineIsAnErrorWithStripesCode(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            Outcome<PaymentTransaction> charged = f.gateway().purchase(saved("renewal:inv-2031", "pm_card_visa"));
            Outcome<PaymentTransaction> declined = f.gateway().purchase(saved("renewal:inv-2032",
                    "pm_card_visa_chargeDeclinedInsufficientFunds"));

            assertThat(charged.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(charged.reference()).isEqualTo("pi_3QdD3pKontorFixture0Off1");
            assertThat(charged.value().amount()).isEqualTo(Money.of("149.00", "DKK"));
            assertThat(declined.status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(declined.code()).isEqualTo("card_declined");
            assertThat(declined.message()).contains("insufficient funds", "insufficient_funds");
            assertThat(f.gateway().status(IdempotencyKey.of("renewal:inv-2032")).status()).isEqualTo(OutcomeStatus.ERROR);
            assertThat(f.gateway().status(IdempotencyKey.of("renewal:inv-2031")).status())
                    .isEqualTo(OutcomeStatus.PROCESSED);
            f.stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                    .withHeader("Idempotency-Key", equalTo("renewal:inv-2031"))
                    .withFormParam("customer", equalTo("cus_RKontorFixture1"))
                    .withFormParam("amount", equalTo("14900")).withFormParam("currency", equalTo("dkk")));
        }
    }

    @DbTest
    void anOffSessionChargeWhoseAnswerWasLostLongerThanADayAgoIsFoundBySearchingItsKey(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            f.providerDown();
            Outcome<PaymentTransaction> lost = f.gateway().purchase(saved("renewal:inv-2031", "pm_card_visa"));
            f.providerUp();
            f.clock.advance(Duration.ofHours(25));
            f.stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/search"))
                    .withQueryParam("query", equalTo("metadata['kontor_key']:'renewal:inv-2031'"))
                    .willReturn(StripeFixture.json(200, "{\"object\": \"search_result\", \"data\": ["
                            + StripeFixture.resource("__files/payment-intent-off-session-succeeded.json")
                            + "], \"has_more\": false, \"next_page\": null, \"url\": \"/v1/payment_intents/search\"}")));

            Outcome<PaymentTransaction> found = f.gateway().status(IdempotencyKey.of("renewal:inv-2031"));

            assertThat(lost.status()).isEqualTo(OutcomeStatus.UNDEFINED);
            assertThat(found.status()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(found.reference()).isEqualTo("pi_3QdD3pKontorFixture0Off1");
            f.stripe.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents")));
        }
    }

    @DbTest
    void whatStripeCannotTakeIsRefusedBeforeAnythingIsSent(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            f.settings.put(StripeSettings.METHOD_TYPES, "card");
            f.settings.put(StripeSettings.CURRENCIES, "DKK,EUR");
            PaymentRequest usual = f.request("129.50", "DKK");
            PaymentRequest paypal = new PaymentRequest(usual.key(), usual.amount(), PaymentMethodType.PAYPAL,
                    usual.reference(), usual.description(), usual.customerId(), usual.returnUrl(), usual.cancelUrl(),
                    usual.metadata());
            PaymentRequest noReturn = new PaymentRequest(usual.key(), usual.amount(), usual.method(), usual.reference(),
                    usual.description(), usual.customerId(), null, null, usual.metadata());

            assertThat(f.gateway().supports(Currency.getInstance("EUR"))).isTrue();
            assertThat(f.gateway().supports(Currency.getInstance("SEK"))).isFalse();
            assertThat(f.gateway().purchase(f.request("100", "SEK")).code()).isEqualTo("currency");
            assertThat(f.gateway().purchase(paypal).code()).isEqualTo("method");
            assertThat(f.gateway().purchase(noReturn).code()).isEqualTo("invalid-request");
            f.settings.remove(StripeSettings.SECRET_KEY);
            assertThat(f.gateway().supports(Currency.getInstance("DKK"))).as("not configured").isFalse();
            assertThat(f.gateway().purchase(usual).code()).isEqualTo("not-configured");
            assertThat(f.stripe.getAllServeEvents()).isEmpty();
        }
    }

    private static StripeFixture.Session purchased(StripeFixture f, String amount) {
        PaymentRequest request = f.request(amount, "DKK");
        StripeFixture.Session session = f.checkout(request);
        assertThat(f.gateway().purchase(request).status()).isEqualTo(OutcomeStatus.PENDING);
        return session;
    }

    private static PaymentRequest saved(String key, String paymentMethod) {
        return new PaymentRequest(IdempotencyKey.of(key), Money.of("149.00", "DKK"), PaymentMethodType.CARD,
                key.substring(key.length() - 4), "Renewal kontor-eksempel.dk", "customer-7", null, null,
                Map.of("stripe.customer", "cus_RKontorFixture1", "stripe.payment_method", paymentMethod));
    }
}
