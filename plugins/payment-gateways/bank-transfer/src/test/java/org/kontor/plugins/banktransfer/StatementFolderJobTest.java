package org.kontor.plugins.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.kontor.api.job.JobRun;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.database.Database;
import org.kontor.plugins.banktransfer.matching.Entries;
import org.kontor.plugins.banktransfer.matching.EntryState;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestPluginContext;

@DatabaseTest(plugins = Fixtures.PLUGIN_ID)
class StatementFolderJobTest {

    @DbTest
    void importsFilesAndMovesThemAside(Database database) throws Exception {
        Path folder = Files.createTempDirectory("bank-statements");
        Map<String, String> settings = Fixtures.settings();
        settings.put(BankTransferSettings.FOLDER, folder.toString());
        TestPluginContext context = Fixtures.context(database, settings);
        BankTransferGateway gateway = new BankTransferGateway(context);
        var invoice = Fixtures.purchase(gateway, "FV2026-000123", "3630.00", "CZK", "2026000123", "c-1");
        Files.write(folder.resolve("2026-11-23.sta"), Fixtures.resource("czech-bank-mt940.sta"));
        Files.write(folder.resolve("broken.xml"), "<Document>".getBytes(StandardCharsets.UTF_8));
        Files.write(folder.resolve("arriving.sta.part"), "half".getBytes(StandardCharsets.UTF_8));
        StatementFolderJob job = new StatementFolderJob(context);
        JobRun run = new JobRun(Instant.parse("2026-11-24T06:00:00Z"), Instant.parse("2026-11-24T06:00:01Z"));

        job.run(run);

        assertThat(folder.resolve("processed/2026-11-23.sta")).exists();
        assertThat(folder.resolve("failed/broken.xml")).exists();
        assertThat(folder.resolve("2026-11-23.sta")).doesNotExist();
        assertThat(folder.resolve("arriving.sta.part")).as("still being written").exists();
        assertThat(new Entries(database.jdbi(), context.clock()).list(EntryState.MATCHED, 100)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.paymentId()).isEqualTo(invoice.reference());
                    assertThat(entry.source()).isEqualTo("2026-11-23.sta");
                });
        assertThat(new Entries(database.jdbi(), context.clock()).list(EntryState.QUEUED, 100)).hasSize(3);

        // The bank delivers the same file again: it is moved aside under another name and books nothing.
        Files.write(folder.resolve("2026-11-23.sta"), Fixtures.resource("czech-bank-mt940.sta"));
        job.run(run);
        assertThat(folder.resolve("processed/1-2026-11-23.sta")).exists();
        assertThat(entryCount(database)).isEqualTo(4);
        assertThat(gateway.status(org.kontor.api.outcome.IdempotencyKey.of(database.jdbi().withHandle(h -> h.createQuery(
                "SELECT idempotency_key FROM payment_bank_transfer_payment WHERE id = :id").bind("id", invoice.reference())
                .mapTo(String.class).one()))).status()).isEqualTo(OutcomeStatus.PROCESSED);
    }

    @DbTest
    void doesNothingWithoutAFolder(Database database) throws Exception {
        long before = entryCount(database);
        Path folder = Files.createTempDirectory("bank-statements-unused");
        Files.write(folder.resolve("2026-11-23.sta"), Fixtures.resource("czech-bank-mt940.sta"));
        new StatementFolderJob(Fixtures.context(database, Fixtures.settings()))
                .run(new JobRun(Instant.EPOCH, Instant.EPOCH));
        assertThat(entryCount(database)).isEqualTo(before);
        assertThat(folder.resolve("2026-11-23.sta")).as("no folder configured, nothing read").exists();
    }

    private static long entryCount(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM payment_bank_transfer_entry")
                .mapTo(Long.class).one());
    }
}
