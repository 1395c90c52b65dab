package org.kontor.plugins.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.database.Database;
import org.kontor.plugins.stripe.webhook.StripeSignature;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** Stripe's signed events read into notifications: checkout, asynchronous methods, signatures, unknown events. */
@DatabaseTest(plugins = StripeFixture.PLUGIN_ID)
class WebhookTest {

    @DbTest
    void aSignedCompletedCheckoutProcessesThePaymentWithItsAmount(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "129.50");
            String body = f.event("evt_1QdD3pKontorFixtureDone1", "checkout.session.completed",
                    f.sessionJson(session, "complete", "paid", StripeFixture.quoted(session.paymentIntent())));

            List<PaymentNotification> notifications = f.gateway().handleWebhook(f.signed(body));

            assertThat(notifications).containsExactly(new PaymentNotification("evt_1QdD3pKontorFixtureDone1",
                    session.id(), OutcomeStatus.PROCESSED, Money.of("129.50", "DKK")));
        }
    }

    @DbTest
    void aSucceededChargeProcessesThePaymentWithTheCardsFingerprint(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "129.50");
            f.gateway().handleWebhook(f.signed(f.event("checkout.session.completed",
                    f.sessionJson(session, "complete", "unpaid", StripeFixture.quoted(session.paymentIntent())))));
            String body = f.event("evt_1QdD3pKontorFixtureChrg1", "charge.succeeded", f.chargeJson(session, 0, null));

            List<PaymentNotification> notifications = f.gateway().handleWebhook(f.signed(body));

            assertThat(notifications).containsExactly(new PaymentNotification("evt_1QdD3pKontorFixtureChrg1",
                    session.id(), OutcomeStatus.PROCESSED, Money.of("129.50", "DKK"), PaymentNotification.Kind.PAYMENT,
                    null, "Xt5EWLLDS7FJjR1c"));
        }
    }

    @DbTest
    void aChargeOfAPaymentKontorDidNotStartGivesNoNotification(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "129.50");
            String foreign = f.chargeJson(session, 0, null).replace(session.paymentIntent(), "pi_3QdD3pSomeoneElse0000000");

            assertThat(f.gateway().handleWebhook(f.signed(f.event("charge.succeeded", foreign)))).isEmpty();
        }
    }

    @DbTest
    void eachStatusStripeNotifiesNamesItsPaymentUnderTheEventsIdAndStatusAgrees(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            for (OutcomeStatus status : List.of(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING, OutcomeStatus.ERROR,
                    OutcomeStatus.CANCELED)) {
                StripeFixture.Session session = purchased(f, "129.50");
                String eventId = "evt_1" + StripeFixture.random(23);

                List<PaymentNotification> notifications = f.gateway().handleWebhook(f.webhookFor(session, status,
                        eventId, f.clock.instant()));

                assertThat(notifications).as(status.name()).singleElement().satisfies(n -> {
                    assertThat(n.notificationId()).isEqualTo(eventId);
                    assertThat(n.gatewayReference()).isEqualTo(session.id());
                    assertThat(n.status()).isEqualTo(status);
                });
                assertThat(f.gateway().status(session.request().key()).status()).as("status after " + status)
                        .isEqualTo(status);
            }
        }
    }

    @DbTest
    void theSameEventAgainGivesTheSameNotificationSoTheHostAppliesItOnce(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "129.50");
            WebhookRequest request = f.signed(f.event("checkout.session.completed",
                    f.sessionJson(session, "complete", "paid", StripeFixture.quoted(session.paymentIntent()))));

            List<PaymentNotification> first = f.gateway().handleWebhook(request);
            List<PaymentNotification> again = f.gateway().handleWebhook(request);

            assertThat(first).hasSize(1);
            assertThat(again).isEqualTo(first);
        }
    }

    @DbTest
    void forgedTamperedOldOrUnsignedNotificationsAreRejected(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "129.50");
            String body = f.event("checkout.session.completed",
                    f.sessionJson(session, "complete", "paid", StripeFixture.quoted(session.paymentIntent())));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String genuine = StripeSignature.header(StripeFixture.WEBHOOK_SECRET, f.clock.instant(), bytes);
            byte[] tampered = body.replace("\"amount_total\": 12950", "\"amount_total\": 12951")
                    .getBytes(StandardCharsets.UTF_8);

            assertRejected(f, StripeFixture.withSignature(tampered, genuine), "tampered");
            assertRejected(f, f.signed(body, f.clock.instant(), "whsec_SomeoneElsesSecret"), "another secret");
            assertRejected(f, f.signed(body, f.clock.instant().minus(Duration.ofSeconds(301)),
                    StripeFixture.WEBHOOK_SECRET), "signed 301 s ago");
            assertRejected(f, f.signed(body, f.clock.instant().plus(Duration.ofSeconds(301)),
                    StripeFixture.WEBHOOK_SECRET), "signed 301 s ahead");
            assertRejected(f, StripeFixture.withSignature(bytes, null), "unsigned");
            assertRejected(f, StripeFixture.withSignature(bytes, ""), "empty signature");
            assertRejected(f, StripeFixture.withSignature(bytes, genuine.replace("v1=", "v0=")), "only a v0 signature");
            assertRejected(f, StripeFixture.withSignature(bytes, genuine.substring(genuine.indexOf(','))), "no timestamp");
            assertRejected(f, StripeFixture.withSignature("not json".getBytes(StandardCharsets.UTF_8),
                    StripeSignature.header(StripeFixture.WEBHOOK_SECRET, f.clock.instant(),
                            "not json".getBytes(StandardCharsets.UTF_8))), "signed but not an event");
            assertThat(f.gateway().handleWebhook(f.signed(body, f.clock.instant().minus(Duration.ofSeconds(299)),
                    StripeFixture.WEBHOOK_SECRET))).as("signed 299 s ago").hasSize(1);
            f.settings.remove(StripeSettings.WEBHOOK_SECRET);
            assertRejected(f, f.signed(body), "no secret configured");
        }
    }

    @DbTest
    void anyOfSeveralSignaturesAndAnyOfTwoSecretsWhileRollingIsAccepted(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "129.50");
            byte[] body = f.event("checkout.session.completed",
                    f.sessionJson(session, "complete", "paid", StripeFixture.quoted(session.paymentIntent())))
                    .getBytes(StandardCharsets.UTF_8);
            String t = Long.toString(f.clock.instant().getEpochSecond());
            String rolled = "t=" + t + ",v1=" + StripeSignature.sign("whsec_TheNewSecret", t, body) + ",v1="
                    + StripeSignature.sign(StripeFixture.WEBHOOK_SECRET, t, body) + ",v0=" + "0".repeat(64);

            assertThat(f.gateway().handleWebhook(StripeFixture.withSignature(body, rolled))).hasSize(1);
            f.settings.put(StripeSettings.WEBHOOK_SECRET, "whsec_TheNewSecret, " + StripeFixture.WEBHOOK_SECRET);
            assertThat(f.gateway().handleWebhook(f.signed(new String(body, StandardCharsets.UTF_8), f.clock.instant(),
                    "whsec_TheNewSecret"))).as("signed with the new of two configured secrets").hasSize(1);
        }
    }

    @DbTest
    void anAsynchronousPaymentIsPendingUntilItSucceeds(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "400.00");
            f.processing(session);

            List<PaymentNotification> completed = f.gateway().handleWebhook(f.signed(f.event("checkout.session.completed",
                    f.sessionJson(session, "complete", "unpaid", StripeFixture.quoted(session.paymentIntent())))));
            List<PaymentNotification> processing = f.gateway().handleWebhook(f.signed(f.event("payment_intent.processing",
                    f.intentJson(session, "processing"))));
            f.paid(session);
            List<PaymentNotification> succeeded = f.gateway().handleWebhook(f.signed(f.event(
                    "checkout.session.async_payment_succeeded",
                    f.sessionJson(session, "complete", "paid", StripeFixture.quoted(session.paymentIntent())))));

            assertThat(completed).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(OutcomeStatus.PENDING);
                assertThat(n.gatewayReference()).isEqualTo(session.id());
            });
            assertThat(processing).as("nothing new for Kontor").isEmpty();
            assertThat(succeeded).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(OutcomeStatus.PROCESSED);
                assertThat(n.amount()).isEqualTo(Money.of("400.00", "DKK"));
            });
            assertThat(f.gateway().status(session.request().key()).status()).isEqualTo(OutcomeStatus.PROCESSED);
        }
    }

    @DbTest
    void anAsynchronousPaymentThatFailsIsAnError(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "400.00");
            f.debitFailed(session);

            List<PaymentNotification> failed = f.gateway().handleWebhook(f.signed(f.event(
                    "checkout.session.async_payment_failed",
                    f.sessionJson(session, "complete", "unpaid", StripeFixture.quoted(session.paymentIntent())))));
            List<PaymentNotification> intentFailed = f.gateway().handleWebhook(f.signed(f.event(
                    "payment_intent.payment_failed", f.intentJson(session, "requires_payment_method"))));

            assertThat(failed).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(OutcomeStatus.ERROR);
                assertThat(n.gatewayReference()).isEqualTo(session.id());
                assertThat(n.amount()).isNull();
            });
            assertThat(intentFailed).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(OutcomeStatus.ERROR);
                assertThat(n.gatewayReference()).isEqualTo(session.id());
            });
            assertThat(f.gateway().status(session.request().key()).status()).isEqualTo(OutcomeStatus.ERROR);
        }
    }

    @DbTest
    void aCardDeclinedOnTheCheckoutPageLeavesTheSessionOpenForAnotherCard(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "129.50");

            List<PaymentNotification> declined = f.gateway().handleWebhook(f.signed(f.event(
                    "payment_intent.payment_failed", f.intentJson(session, "requires_payment_method"))));
            f.paid(session);
            List<PaymentNotification> paid = f.gateway().handleWebhook(f.signed(f.event("checkout.session.completed",
                    f.sessionJson(session, "complete", "paid", StripeFixture.quoted(session.paymentIntent())))));

            assertThat(declined).as("the customer may still pay").isEmpty();
            assertThat(paid).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(OutcomeStatus.PROCESSED));
        }
    }

    @DbTest
    void anExpiredSessionIsCanceled(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session session = purchased(f, "129.50");

            List<PaymentNotification> expired = f.gateway().handleWebhook(f.signed(f.event("checkout.session.expired",
                    f.sessionJson(session, "expired", "unpaid", null))));

            assertThat(expired).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(OutcomeStatus.CANCELED);
                assertThat(n.gatewayReference()).isEqualTo(session.id());
            });
        }
    }

    @DbTest
    void eventsOfOtherTypesOrAboutPaymentsKontorDidNotMakeChangeNothing(Database database) throws Exception {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeFixture.Session ours = purchased(f, "129.50");
            PaymentRequest elsewhere = f.request("10.00", "EUR");
            StripeFixture.Session foreign = new StripeFixture.Session("cs_test_a1" + StripeFixture.random(56),
                    "pi_3" + StripeFixture.random(23), "ch_3" + StripeFixture.random(23), elsewhere);

            assertThat(f.gateway().handleWebhook(f.signed(f.event("customer.created",
                    "{\"id\": \"cus_R1\", \"object\": \"customer\"}")))).isEmpty();
            assertThat(f.gateway().handleWebhook(f.signed(f.event("charge.dispute.created",
                    f.disputeJson(ours, 12950, "needs_response", "fraudulent"))))).isEmpty();
            assertThat(f.gateway().handleWebhook(f.signed(f.event("checkout.session.completed",
                    f.sessionJson(foreign, "complete", "paid", StripeFixture.quoted(foreign.paymentIntent()))))))
                    .as("a session another integration made on the same account").isEmpty();
        }
    }

    private static StripeFixture.Session purchased(StripeFixture f, String amount) {
        PaymentRequest request = f.request(amount, "DKK");
        StripeFixture.Session session = f.checkout(request);
        assertThat(f.gateway().purchase(request).status()).isEqualTo(OutcomeStatus.PENDING);
        return session;
    }

    private static void assertRejected(StripeFixture f, WebhookRequest request, String what) {
        assertThatThrownBy(() -> f.gateway().handleWebhook(request)).as(what)
                .isInstanceOf(WebhookRejectedException.class);
    }
}
