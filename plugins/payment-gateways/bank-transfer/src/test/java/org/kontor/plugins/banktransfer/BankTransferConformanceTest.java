package org.kontor.plugins.banktransfer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.plugins.banktransfer.matching.Payment;
import org.kontor.plugins.banktransfer.matching.Payments;
import org.kontor.plugins.banktransfer.matching.StatementImporter;
import org.kontor.plugins.banktransfer.statement.Statement;
import org.kontor.plugins.banktransfer.statement.StatementEntry;
import org.kontor.testkit.DatabaseKind;
import org.kontor.testkit.TestDatabase;
import org.kontor.testkit.TestPluginContext;
import org.kontor.testkit.payment.Capabilities;
import org.kontor.testkit.payment.PaymentGatewayConformance;

/**
 * The bank transfer gateway keeps the contract of every gateway. It gives instructions only: no refunds (the operator
 * pays back by hand), no webhooks (statements settle payments, the host learns it through {@code status}), no remote
 * provider. A payment is settled by a statement crediting its reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BankTransferConformanceTest extends PaymentGatewayConformance {

    private final TestDatabase database = TestDatabase.of(kind())
            .migratePlugins(BankTransferGateway.class.getClassLoader(), Fixtures.PLUGIN_ID);
    private final TestPluginContext context = Fixtures.context(database.database(), Fixtures.settings());

    DatabaseKind kind() {
        return DatabaseKind.SQLITE;
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Override
    protected PaymentGateway gateway() {
        return new BankTransferGateway(context);
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.none();
    }

    /** An invoice in euros, its reference the key so that the payments of one request can be counted. */
    @Override
    protected PaymentRequest paymentRequest(IdempotencyKey key) {
        return new PaymentRequest(key, Money.of("120.00", "EUR"), PaymentMethodType.BANK_TRANSFER, key.value(),
                "Invoice " + key.value(), "c-conformance", null, null, Map.of());
    }

    /** The operator's bank statement brings the exact amount with the payment's RF reference. */
    @Override
    protected void settle(PaymentRequest request, PaymentTransaction payment) {
        Payment awaited = new Payments(context.jdbi(), context.clock()).byId(payment.gatewayReference()).orElseThrow();
        StatementEntry credit = new StatementEntry("E-" + awaited.id(), LocalDate.of(2026, 11, 20), awaited.amount(),
                true, false, awaited.reference().key(), null, null, null, "Payer ApS");
        Statement statement = new Statement("camt.053.001.08", "S-" + awaited.id(), "DK5000400440116243",
                LocalDate.of(2026, 11, 20), null, null, List.of(credit));
        new StatementImporter(context.jdbi(), context.clock()).importStatements(List.of(statement), "conformance");
    }

    @Override
    protected int paymentsAtProvider(PaymentRequest request) {
        return context.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payment_bank_transfer_payment "
                + "WHERE kontor_reference = :reference").bind("reference", request.reference()).mapTo(Integer.class).one());
    }
}
