package org.kontor.plugins.stripe;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.plugins.stripe.webhook.StripeSignature;
import org.kontor.testkit.DatabaseKind;
import org.kontor.testkit.TestDatabase;
import org.kontor.testkit.payment.Capabilities;
import org.kontor.testkit.payment.Notice;
import org.kontor.testkit.payment.PaymentGatewayConformance;

/**
 * The Stripe gateway keeps the contract of every gateway, against WireMock answering as Stripe's API does: a
 * purchase is a Checkout Session made under the key (the fixture stubs Stripe's answer to each key it hands out), the
 * customer pays on Stripe's page, refunds are kept by Stripe within what is left of the charge, once per key, and
 * Stripe's webhooks (signed with a timestamp) report the session's outcome and lost disputes as reversals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeConformanceTest extends PaymentGatewayConformance {

    private final TestDatabase database = TestDatabase.of(kind())
            .migratePlugins(StripeGateway.class.getClassLoader(), StripeFixture.PLUGIN_ID);
    private final StripeFixture stripe = new StripeFixture(database.database());

    StripeConformanceTest() {
        stripe.keepRefunds();
    }

    DatabaseKind kind() {
        return DatabaseKind.SQLITE;
    }

    @AfterAll
    void close() {
        stripe.close();
        database.close();
    }

    @Override
    protected PaymentGateway gateway() {
        return stripe.gateway();
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.none().withRefunds()
                .withWebhooks(Set.of(OutcomeStatus.PROCESSED, OutcomeStatus.PENDING, OutcomeStatus.ERROR,
                        OutcomeStatus.CANCELED), StripeSignature.HEADER)
                .withReversals()
                .withSignedTimestamps(StripeSignature.TOLERANCE)
                .withProvider();
    }

    /** A card payment by Checkout; Stripe answers the key with a new open session. */
    @Override
    protected PaymentRequest paymentRequest(IdempotencyKey key) {
        PaymentRequest request = stripe.request(key, "49.00", "EUR");
        stripe.checkout(request);
        return request;
    }

    /** The customer pays on Stripe's page. */
    @Override
    protected void settle(PaymentRequest request, PaymentTransaction payment) {
        stripe.paid(stripe.session(payment.gatewayReference()));
    }

    /**
     * Stripe's event for the session's new state ({@code checkout.session.completed}, {@code …async_payment_failed},
     * {@code …expired}), or for a reversal {@code charge.dispute.closed} lost for the whole charge.
     */
    @Override
    protected WebhookRequest webhook(Notice notice) {
        StripeFixture.Session session = stripe.session(notice.reference());
        if (notice.isReversal()) {
            String dispute = stripe.disputeJson(session, session.amount(), "lost", "fraudulent");
            return stripe.signed(stripe.event(notice.eventId(), "charge.dispute.closed", dispute), notice.sentAt(),
                    StripeFixture.WEBHOOK_SECRET);
        }
        return stripe.webhookFor(session, notice.status(), notice.eventId(), notice.sentAt());
    }

    @Override
    protected Optional<PaymentGateway> unreachableGateway() {
        return Optional.of(stripe.unreachableGateway());
    }

    @Override
    protected Clock clock() {
        return stripe.clock;
    }
}
