package org.kontor.plugins.banktransfer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.kontor.api.money.Money;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.database.Database;
import org.kontor.plugins.banktransfer.BankTransferGateway;
import org.kontor.plugins.banktransfer.Fixtures;
import org.kontor.plugins.banktransfer.StatementImports;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestPluginContext;

/** A Czech bank's MT940 and camt.053.001.08: variable symbols in :86:, in CdtrRefInf and in AddtlRmtInf. */
@DatabaseTest(plugins = Fixtures.PLUGIN_ID)
class CzechStatementImportTest {

    @DbTest
    void mt940MatchesVariableSymbols(Database database) throws Exception {
        TestPluginContext context = Fixtures.context(database, Fixtures.settings());
        BankTransferGateway gateway = new BankTransferGateway(context);
        Outcome<PaymentTransaction> invoice = Fixtures.purchase(gateway, "FV2026-000123", "3630.00", "CZK", "2026000123", "c-1");
        Outcome<PaymentTransaction> topUp = Fixtures.purchase(gateway, "top-up-124", "2420.00", "CZK", "2026000124", "r-1");

        ImportReport report = new StatementImports(context).importFile(Fixtures.resource("czech-bank-mt940.sta"), "csob.sta");

        assertThat(report.credits()).as("the fee is a debit").isEqualTo(4);
        assertThat(report.notifications()).containsExactly(new PaymentNotification(
                "bank-transfer:CZ6508000000192000145399|CS26112300001", invoice.reference(), OutcomeStatus.PROCESSED,
                Money.of("3630.00", "CZK")));
        Entries entries = new Entries(database.jdbi(), context.clock());
        assertThat(entries.list(EntryState.QUEUED, 100)).filteredOn(entry -> entry.source().equals("csob.sta"))
                .extracting(Entry::entryReference, Entry::reason, Entry::paymentId, Entry::referenceFound)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("CS26112300002", QueueReason.PARTIAL, topUp.reference(), "2026000124"),
                        org.assertj.core.groups.Tuple.tuple("CS26112300003", QueueReason.UNMATCHED, null, "9999999999"),
                        org.assertj.core.groups.Tuple.tuple("CS26112300004", QueueReason.NO_REFERENCE, null, null));
        assertThat(new StatementImports(context).importFile(Fixtures.resource("czech-bank-mt940.sta"), "csob.sta").duplicates())
                .isEqualTo(4);
    }

    @DbTest
    void camt053Version08MatchesStructuredAndAdditionalReferences(Database database) throws Exception {
        TestPluginContext context = Fixtures.context(database, Fixtures.settings());
        BankTransferGateway gateway = new BankTransferGateway(context);
        Outcome<PaymentTransaction> first = Fixtures.purchase(gateway, "FV2026-000200", "1210.00", "CZK", "2026000200", "c-1");
        Outcome<PaymentTransaction> second = Fixtures.purchase(gateway, "FV2026-000201", "605.00", "CZK", "2026000201", "c-2");

        ImportReport report = new StatementImports(context).importFile(Fixtures.resource("czech-bank-camt053-001.08.xml"), "kb.xml");

        assertThat(report.notifications()).extracting(PaymentNotification::gatewayReference)
                .containsExactly(first.reference(), second.reference());
        assertThat(new Entries(database.jdbi(), context.clock()).list(EntryState.QUEUED, 100))
                .filteredOn(entry -> entry.source().equals("kb.xml")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.entryReference()).isEqualTo("KB2611240000102-1");
                    assertThat(entry.reason()).isEqualTo(QueueReason.NO_REFERENCE);
                });
    }
}
