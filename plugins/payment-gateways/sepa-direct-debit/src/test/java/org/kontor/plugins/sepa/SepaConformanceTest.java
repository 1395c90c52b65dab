package org.kontor.plugins.sepa;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.plugins.sepa.collection.CollectionState;
import org.kontor.testkit.DatabaseKind;
import org.kontor.testkit.TestDatabase;
import org.kontor.testkit.payment.Capabilities;
import org.kontor.testkit.payment.Notice;
import org.kontor.testkit.payment.PaymentGatewayConformance;

/**
 * The SEPA direct debit gateway keeps the contract of every gateway. No refunds (a direct debit is paid back by credit
 * transfer), no remote provider (the operator submits collection files); webhooks are the bank connector's signed
 * return notices, reversals only, without a signed timestamp. A collection settles when it was submitted and its
 * return window passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SepaConformanceTest extends PaymentGatewayConformance {

    private static final String SECRET = "return-secret";

    private final TestDatabase database = TestDatabase.of(kind())
            .migratePlugins(SepaGateway.class.getClassLoader(), "payment-sepa");
    private final SepaFixture fixture = new SepaFixture(database.database());

    DatabaseKind kind() {
        return DatabaseKind.SQLITE;
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Override
    protected PaymentGateway gateway() {
        return new SepaGateway(fixture.context);
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.none().withWebhooks(Set.of(), SepaGateway.SIGNATURE_HEADER).withReversals();
    }

    /** A collection from a new customer with an active recurring mandate; its reference is the key, to count it. */
    @Override
    protected PaymentRequest paymentRequest(IdempotencyKey key) {
        String customer = SepaFixture.customer();
        fixture.mandate(customer, true, "en");
        return PaymentRequest.of(key, Money.of("49.90", "EUR"), PaymentMethodType.SEPA_DIRECT_DEBIT, key.value(),
                "Webhosting", customer);
    }

    /** The operator submits the collection file, and the return window after the due date passes. */
    @Override
    protected void settle(PaymentRequest request, PaymentTransaction payment) {
        submit(payment.gatewayReference());
        fixture.clock.advance(Duration.ofDays(30));
    }

    /** The bank connector's return notice for the collection, submitted first (only a submitted one comes back). */
    @Override
    protected WebhookRequest webhook(Notice notice) {
        submit(notice.reference());
        byte[] body = ("{\"returns\":[{\"endToEndId\":\"" + notice.reference() + "\",\"reasonCode\":\"AM04\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest(Map.of(SepaGateway.SIGNATURE_HEADER, List.of("sha256=" + SepaGateway.hmac(SECRET, body))),
                body, "127.0.0.1");
    }

    /** Days pass until the collection is due within the file horizon and the operator's file submits it. */
    private void submit(String endToEndId) {
        for (int day = 0; day < 60 && state(endToEndId) == CollectionState.PENDING; day++) {
            fixture.sepa.files().produce("conformance");
            if (state(endToEndId) == CollectionState.PENDING) {
                fixture.clock.advance(Duration.ofDays(1));
            }
        }
        if (state(endToEndId) != CollectionState.SUBMITTED) {
            throw new IllegalStateException("collection " + endToEndId + " was not submitted");
        }
    }

    private CollectionState state(String endToEndId) {
        return database.database().jdbi().withHandle(h -> fixture.sepa.collections().byEndToEndId(h, endToEndId))
                .orElseThrow().state();
    }

    @Override
    protected Clock clock() {
        return fixture.clock;
    }

    @Override
    protected int paymentsAtProvider(PaymentRequest request) {
        return database.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payment_sepa_collection "
                + "WHERE reference = :reference").bind("reference", request.reference()).mapTo(Integer.class).one());
    }
}
