package org.kontor.testplugins.testgateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.testkit.DatabaseKind;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestDatabase;
import org.kontor.testkit.TestPluginContext;
import org.kontor.testkit.payment.Capabilities;
import org.kontor.testkit.payment.Notice;
import org.kontor.testkit.payment.PaymentGatewayConformance;

/** The test gateway keeps the contract every gateway keeps, on SQLite (and on PostgreSQL in a subclass). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestGatewayConformanceTest extends PaymentGatewayConformance {

    private final TestClock clock = TestClock.fixed();
    private final TestDatabase database = TestDatabase.of(kind())
            .migratePlugins(TestGateway.class.getClassLoader(), "test-gateway");
    private final TestPluginContext context = TestPluginContext.of("test-gateway", database.database().jdbi(), clock);

    DatabaseKind kind() {
        return DatabaseKind.SQLITE;
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Override
    protected PaymentGateway gateway() {
        return new TestGateway(context);
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.none().withRefunds()
                .withWebhooks(Set.of(OutcomeStatus.PROCESSED, OutcomeStatus.ERROR), TestGateway.SIGNATURE_HEADER)
                .withReversals();
    }

    /** 25.00 waits for the customer (see the amount rules of {@link TestGateway}). */
    @Override
    protected PaymentRequest paymentRequest(IdempotencyKey key) {
        return PaymentRequest.of(key, Money.of("25.00", "DKK"), PaymentMethodType.CARD, "INV-1", "Hosting", "c-1");
    }

    @Override
    protected void settle(PaymentRequest request, PaymentTransaction payment) {
        new TestGateway(context).capture(request.key());
    }

    @Override
    protected WebhookRequest webhook(Notice notice) {
        String body = "event=" + notice.eventId() + "&reference=" + notice.reference() + "&status=" + notice.status()
                + "&amount=" + notice.request().amount().amount().toPlainString()
                + "&currency=" + notice.request().amount().currencyCode()
                + (notice.isReversal() ? "&kind=REVERSAL&reason=chargeback" : "");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest(Map.of(TestGateway.SIGNATURE_HEADER,
                List.of("sha256=" + TestGateway.sign(TestGatewaySettings.DEFAULT_SECRET, bytes))), bytes, "127.0.0.1");
    }

    @Override
    protected java.time.Clock clock() {
        return clock;
    }
}
