package org.kontor.plugins.banktransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.database.Database;
import org.kontor.plugins.banktransfer.BankTransferGateway;
import org.kontor.plugins.banktransfer.Fixtures;
import org.kontor.plugins.banktransfer.StatementImports;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestPluginContext;

/** A Danish bank's camt.053 day: an exact FI payment, a partial, an overpaid, an unknown and an unreferenced credit. */
@DatabaseTest(plugins = Fixtures.PLUGIN_ID)
class DanishStatementImportTest {

    @DbTest
    void matchesQueuesAndImportsOnlyOnce(Database database) throws Exception {
        TestPluginContext context = Fixtures.context(database, Fixtures.settings());
        BankTransferGateway gateway = new BankTransferGateway(context);
        IdempotencyKey invoiceKey = Fixtures.key("invoice");
        Outcome<PaymentTransaction> invoice = gateway.purchase(new PaymentRequest(invoiceKey, Money.of("480.00", "DKK"),
                PaymentMethodType.BANK_TRANSFER, "2026-0001", null, "c-1", null, null,
                Map.of(BankTransferGateway.REFERENCE_NUMBER, "12345")));
        Outcome<PaymentTransaction> topUp = Fixtures.purchase(gateway, "top-up", "1250.00", "DKK", "2026000042", "r-1");
        Outcome<PaymentTransaction> small = Fixtures.purchase(gateway, "2026-0002", "99.00", "DKK", "777", "c-2");
        Outcome<PaymentTransaction> later = Fixtures.purchase(gateway, "2026-0003", "999.00", "DKK", "9001", "c-3");

        StatementImports imports = new StatementImports(context);
        ImportReport report = imports.importFile(Fixtures.resource("danish-bank-camt053-001.02.xml"), "danske.xml");

        assertThat(report.credits()).isEqualTo(5);
        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.queued()).isEqualTo(4);
        assertThat(report.notifications()).containsExactly(new PaymentNotification(
                "bank-transfer:DK5000400440116243|DB2611230000001", invoice.reference(), OutcomeStatus.PROCESSED,
                Money.of("480.00", "DKK")));
        Outcome<PaymentTransaction> settled = gateway.status(invoiceKey);
        assertThat(settled.status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(settled.value().amount()).isEqualTo(Money.of("480.00", "DKK"));
        assertThat(settled.value().at()).isEqualTo(context.clock().instant());

        Entries entries = new Entries(database.jdbi(), context.clock());
        Map<String, Entry> queued = entries.list(EntryState.QUEUED, 100).stream()
                .collect(Collectors.toMap(Entry::entryReference, Function.identity()));
        assertThat(queued).containsOnlyKeys("DB2611230000002", "DB2611230000003", "DB2611230000004", "DB2611230000005");
        assertThat(queued.get("DB2611230000002")).satisfies(e -> {
            assertThat(e.reason()).isEqualTo(QueueReason.PARTIAL);
            assertThat(e.paymentId()).isEqualTo(topUp.reference());
            assertThat(e.referenceFound()).isEqualTo("000020260000425");
            assertThat(e.amount()).isEqualTo(Money.of("1000.00", "DKK"));
            assertThat(e.payer()).isEqualTo("Webbureau Nord ApS");
        });
        assertThat(queued.get("DB2611230000003").reason()).isEqualTo(QueueReason.OVERPAID);
        assertThat(queued.get("DB2611230000003").paymentId()).isEqualTo(small.reference());
        assertThat(queued.get("DB2611230000004").reason()).isEqualTo(QueueReason.UNMATCHED);
        assertThat(queued.get("DB2611230000004").referenceFound()).isEqualTo("000000005555552");
        assertThat(queued.get("DB2611230000005").reason()).isEqualTo(QueueReason.NO_REFERENCE);
        assertThat(gateway.status(Fixtures.key("none")).status()).isEqualTo(OutcomeStatus.CANCELED);
        assertThat(gateway.status(IdempotencyKey.of(keyOf(database, topUp.reference()))).status())
                .as("a partial payment settles nothing by itself").isEqualTo(OutcomeStatus.PENDING);
        assertThat(gateway.status(IdempotencyKey.of(keyOf(database, later.reference()))).status())
                .as("the pending entry of tomorrow is not booked").isEqualTo(OutcomeStatus.PENDING);

        ImportReport again = imports.importFile(Fixtures.resource("danish-bank-camt053-001.02.xml"), "danske-again.xml");
        assertThat(again.duplicates()).isEqualTo(5);
        assertThat(again.matched() + again.queued()).isZero();
        assertThat(again.notifications()).isEmpty();
        assertThat(count(database)).isEqualTo(5);

        // The operator accepts the partial top-up and sets the unknown transfer aside.
        PaymentNotification accepted = entries.assign(queued.get("DB2611230000002").id(), topUp.reference(), "operator-1",
                "customer pays the rest next month");
        assertThat(accepted).isEqualTo(new PaymentNotification("bank-transfer:DK5000400440116243|DB2611230000002",
                topUp.reference(), OutcomeStatus.PROCESSED, Money.of("1000.00", "DKK")));
        assertThat(gateway.status(IdempotencyKey.of(keyOf(database, topUp.reference()))).value().amount())
                .isEqualTo(Money.of("1000.00", "DKK"));
        assertThatThrownBy(() -> entries.assign(queued.get("DB2611230000002").id(), topUp.reference(), "operator-1", null))
                .isInstanceOf(BankTransferException.class).hasMessageContaining("RESOLVED");
        assertThatThrownBy(() -> entries.assign(queued.get("DB2611230000004").id(), invoice.reference(), "operator-1", null))
                .as("the invoice is paid already").isInstanceOf(BankTransferException.class).hasMessageContaining("paid already");
        Entry dismissed = entries.dismiss(queued.get("DB2611230000004").id(), "operator-1", "returned to the payer");
        assertThat(dismissed.state()).isEqualTo(EntryState.DISMISSED);
        assertThat(dismissed.resolvedBy()).isEqualTo("operator-1");
        assertThatThrownBy(() -> entries.dismiss(queued.get("DB2611230000005").id(), "operator-1", " "))
                .isInstanceOf(BankTransferException.class);
        assertThat(entries.list(EntryState.QUEUED, 100)).extracting(Entry::entryReference)
                .containsExactlyInAnyOrder("DB2611230000003", "DB2611230000005");
        assertThat(entries.notificationsFor(topUp.reference())).containsExactly(accepted);
    }

    private static String keyOf(Database database, String paymentId) {
        return database.jdbi().withHandle(h -> h.createQuery(
                "SELECT idempotency_key FROM payment_bank_transfer_payment WHERE id = :id").bind("id", paymentId)
                .mapTo(String.class).one());
    }

    private static long count(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payment_bank_transfer_entry")
                .mapTo(Long.class).one());
    }

}
