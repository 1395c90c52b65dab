package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.database.Database;
import org.kontor.database.DatabaseConfig;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.OperationState;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Entry;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.plugins.prepaidaccount.ledger.ReconciliationReport;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestClock;

/**
 * Kills a real host process (SIGKILL) in the middle of a paid domain registration, restarts (new pools
 * on the same database), runs the janitor and checks that no money was taken for a domain that was not
 * delivered and no domain was delivered without money — on SQLite, and on PostgreSQL when configured.
 */
@DatabaseTest(migrateHost = true, plugins = "prepaid-account")
class KillDuringDomainOperationTest {

    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Money PRICE = Money.of("100.00", "DKK");
    private static final Money DEPOSIT = Money.of("1000.00", "DKK");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @TempDir
    Path temp;

    @DbTest
    void aRegistrationDoneBeforeTheKillIsCapturedExactlyOnce(Database db) throws Exception {
        Scenario scenario = scenario(db, "registered-before-kill");

        killAt(db, scenario, StopPoint.BEFORE_CAPTURE);

        try (Database restarted = reopen(db)) {
            HostParts host = restartedHost(restarted);
            assertThat(operation(host, scenario).state()).isEqualTo(OperationState.HELD);
            assertThat(host.funding().find(scenario.key()).orElseThrow().state()).isEqualTo(FundingHold.State.ACTIVE);
            assertThat(host.registry().holds(scenario.domain())).as("registered before the kill").isTrue();

            assertThat(host.janitor().settleOpenOperations()).isEqualTo(1);
            assertThat(host.janitor().settleOpenOperations()).as("a second run finds nothing").isZero();

            assertThat(operation(host, scenario).state()).isEqualTo(OperationState.COMPLETED);
            assertThat(host.funding().find(scenario.key()).orElseThrow().state()).isEqualTo(FundingHold.State.CAPTURED);
            assertThat(charges(host.ledger(), scenario)).as("captured exactly once").hasSize(1);
            assertThat(host.registry().arrivals(scenario.domain())).as("registered exactly once").isEqualTo(1);
            assertThat(account(host.ledger(), scenario).balance()).isEqualTo(DEPOSIT.minus(PRICE));
            assertLedgerAddsUp(restarted, host.ledger(), scenario);
        }
    }

    @DbTest
    void anOperationKilledBeforeTheRegistryCallIsReleasedAndNeverCalled(Database db) throws Exception {
        Scenario scenario = scenario(db, "killed-before-call");

        killAt(db, scenario, StopPoint.BEFORE_REGISTRY_CALL);

        try (Database restarted = reopen(db)) {
            HostParts host = restartedHost(restarted);
            assertThat(operation(host, scenario).state()).isEqualTo(OperationState.HELD);
            assertThat(account(host.ledger(), scenario).held()).isEqualTo(PRICE);

            assertThat(host.janitor().settleOpenOperations()).isEqualTo(1);
            assertThat(host.janitor().settleOpenOperations()).isZero();

            assertThat(operation(host, scenario).state()).isEqualTo(OperationState.FAILED);
            assertThat(host.funding().find(scenario.key()).orElseThrow().state()).isEqualTo(FundingHold.State.RELEASED);
            assertThat(charges(host.ledger(), scenario)).as("nothing charged").isEmpty();
            assertThat(host.registry().arrivals(scenario.key())).as("the registry was never called").isZero();
            assertThat(host.registry().holds(scenario.domain())).isFalse();
            assertThat(account(host.ledger(), scenario).balance()).isEqualTo(DEPOSIT);
            assertThat(account(host.ledger(), scenario).held()).isEqualTo(Money.zero(Currency.getInstance("DKK")));
            assertLedgerAddsUp(restarted, host.ledger(), scenario);
        }
    }

    private record Scenario(String customer, DomainName domain, IdempotencyKey key) {
    }

    private static Scenario scenario(Database db, String label) {
        long n = SEQUENCE.incrementAndGet() + System.nanoTime() % 100_000;
        Ledger ledger = new Ledger(db.jdbi(), Clock.systemUTC(), new RecordingEvents(), Duration.ofHours(72));
        String scheme = "dkk-" + label + "-" + n;
        ledger.createScheme(scheme, "DKK resellers", Currency.getInstance("DKK"), Money.of("0", "DKK"), true,
                Money.of("0", "DKK"));
        String customer = "reseller-" + label + "-" + n;
        Account account = ledger.activate(ledger.apply(customer, scheme).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + customer, DEPOSIT, null, "operator");
        HostParts.tableRegistry(db, Clock.systemUTC()); // the tables exist before two processes race to create them
        DomainName domain = DomainName.of(label + "-" + n + ".dk");
        return new Scenario(customer, domain, IdempotencyKey.of("create-" + domain.ascii()));
    }

    /** Runs the operation in a child JVM, waits until it stands at {@code stop}, and kills it with SIGKILL. */
    private void killAt(Database db, Scenario scenario, StopPoint stop) throws Exception {
        Path ready = temp.resolve(stop.name() + ".ready");
        Path output = temp.resolve(stop.name() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                DomainOperationProcess.class.getName(),
                db.config().jdbcUrl(), scenario.customer(), scenario.domain().ascii(), scenario.key().value(),
                PRICE.amount().toPlainString() + " " + PRICE.currencyCode(), stop.name(), ready.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            while (!Files.exists(ready)) {
                if (!child.isAlive()) {
                    throw new AssertionError("the host process ended (exit " + child.exitValue() + ") before " + stop
                            + ":\n" + read(output));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the host process did not reach " + stop + " within " + READY_TIMEOUT
                            + ":\n" + read(output));
                }
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
        }
        assertThat(child.exitValue()).as("ended by SIGKILL").isEqualTo(137);
    }

    /** New pools on the same database, as a restarted host opens them. */
    private static Database reopen(Database db) {
        DatabaseConfig config = db.config();
        return new Database(new DatabaseConfig(config.jdbcUrl(), config.user(), config.password(), 4));
    }

    /** The restarted host's parts, with a clock past the grace period so the orphaned intent counts as abandoned. */
    private static HostParts restartedHost(Database restarted) {
        TestClock clock = TestClock.at(Instant.now().plus(GRACE).plusSeconds(1));
        return HostParts.over(restarted, clock, GRACE);
    }

    private static DomainOperation operation(HostParts host, Scenario scenario) {
        return host.store().find(scenario.key()).orElseThrow();
    }

    private static Account account(Ledger ledger, Scenario scenario) {
        return ledger.accountOfOwner(scenario.customer()).orElseThrow();
    }

    private static List<Entry> charges(Ledger ledger, Scenario scenario) {
        return ledger.entries(account(ledger, scenario).id(), EntryFilter.latest(100)).stream()
                .filter(entry -> entry.kind() == EntryKind.CHARGE).toList();
    }

    private static void assertLedgerAddsUp(Database db, Ledger ledger, Scenario scenario) {
        ReconciliationReport report = new Reconciliation(db.jdbi(), Clock.systemUTC()).run();
        assertThat(report.problems()).isEmpty();
        assertThat(report.staleHolds()).isEmpty();
        Account account = account(ledger, scenario);
        Money sum = ledger.entries(account.id(), EntryFilter.latest(1000)).stream()
                .map(Entry::amount).reduce(Money.zero(account.currency()), Money::plus);
        assertThat(account.balance()).isEqualTo(sum);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no output)";
    }
}
