package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.database.Database;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.DomainOperationJanitor;
import org.kontor.host.provisioning.DomainOperationRequest;
import org.kontor.host.provisioning.DomainOperationStore;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.OperationState;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.provisioning.RegistryCommand;
import org.kontor.plugins.prepaidaccount.PrepaidFunding;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.plugins.prepaidaccount.ledger.ReconciliationReport;
import org.kontor.plugins.sandbox.settings.CommandFault;
import org.kontor.plugins.sandbox.settings.SandboxSettings;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;

/**
 * A thousand paid registrations through the host's domain operations, the real prepaid ledger and the
 * epp-registry plugin against a sandbox that fails about one command in ten: before carrying it out (a dropped
 * connection, 2400, a hang until the session dies, a malformed frame — on creates and on the infos the janitor
 * sends), or after, when a relay cuts the connection with the answer in flight. After the janitor has settled
 * everything: no name registered twice, no operation charged twice, every operation
 * either done and paid once or not done and not paid, and the ledger reconciles.
 */
@DatabaseTest(migrateHost = true, plugins = {"prepaid-account", "sandbox-registry"})
class EppFaultTest {

    private static final int DOMAINS = 1_000;
    private static final int ACCOUNTS = 200;
    private static final int WORKERS = 4;
    private static final Money PRICE = Money.of("100.00", "DKK");
    private static final Money DEPOSIT = PRICE.times(DOMAINS / ACCOUNTS);
    private static final Duration GRACE = Duration.ofMinutes(10);
    /** One command in ten meets a fault: one in fifty of each sandbox kind, and one answer in fifty is cut off. */
    private static final double FAULT_SHARE = 0.02;
    private static final CommandFault FAULTS = new CommandFault(Duration.ZERO, FAULT_SHARE, FAULT_SHARE,
            FAULT_SHARE, FAULT_SHARE);
    private static final Duration SANDBOX_IDLE = Duration.ofMillis(800);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(400);
    private static final int MAX_JANITOR_RUNS = 50;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final TestClock clock = TestClock.at(Instant.now());

    @DbTest
    void aThousandCreatesUnderInjectedFaultsEndSettledWithoutDuplicatesOrDoubleCharges(Database db) throws Exception {
        long started = System.nanoTime();
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("100000.00", "DKK"), EppFaultTest::faulty);
             AnswerDroppingProxy proxy = new AnswerDroppingProxy(sandbox.server.port(), FAULT_SHARE,
                     new SplittableRandom(11));
             ShortTimeoutEpp epp = ShortTimeoutEpp.connect(sandbox, db, clock, proxy.port(), WORKERS,
                     COMMAND_TIMEOUT, SANDBOX_IDLE.dividedBy(4))) {
            Run run = new Run(db, sandbox, epp.registry);

            Map<OperationState, Integer> firstAnswers = run.performAll();
            int janitorRuns = run.settleEverything();
            Map<OperationState, Integer> outcome = run.outcomeCounts();

            System.out.printf("EppFaultTest [%s]: %d creates, %d accounts, %.0f %% faults (%d answers cut); "
                            + "first answers %s; after %d janitor runs %s, %d of them captured after a lost answer; "
                            + "%d registered, %s charged; %d ms%n",
                    db.config().jdbcUrl().startsWith("jdbc:postgresql") ? "PostgreSQL" : "SQLite", DOMAINS, ACCOUNTS,
                    FAULT_SHARE * 5 * 100, proxy.cuts(), firstAnswers, janitorRuns, outcome,
                    run.capturedAfterLostAnswer(), run.registeredNames().size(), run.totalCharged(),
                    (System.nanoTime() - started) / 1_000_000);

            assertThat(outcome.keySet()).as("every operation ended")
                    .isSubsetOf(OperationState.COMPLETED, OperationState.FAILED, OperationState.HELD_FOR_REVIEW);
            assertThat(outcome.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(DOMAINS);
            run.assertNoDuplicateRegistrations();
            run.assertEachOperationSettledConsistently();
            run.assertLedgerReconciles();
            assertThat(sandbox.registry.balance(sandbox.registrar)).as("the registry charged each create once")
                    .isEqualTo(Money.of("100000.00", "DKK").minus(EppSandbox.CREATE_PRICE.times(
                            run.registeredNames().size())));
            assertThat(firstAnswers.getOrDefault(OperationState.UNSETTLED, 0))
                    .as("the faults left some creates with an unknown fate").isPositive();
            assertThat(outcome.getOrDefault(OperationState.FAILED, 0)).as("some creates never reached the registry")
                    .isPositive();
            assertThat(run.capturedAfterLostAnswer()).as("some creates were done at the registry but their answer "
                    + "was lost, and the janitor found and captured them").isPositive();
        }
    }

    /** One run: its accounts, its names and the host's parts wired over the faulty registry. */
    private final class Run {

        private final Database db;
        private final EppSandbox sandbox;
        private final Ledger ledger;
        private final FundingSource funding;
        private final DomainOperationStore store;
        private final DomainOperations operations;
        private final DomainOperationJanitor janitor;
        private final String prefix;
        private final List<String> owners = new ArrayList<>();
        private final List<DomainOperationRequest> requests = new ArrayList<>();
        private final Map<IdempotencyKey, OperationState> firstStates = new ConcurrentHashMap<>();

        Run(Database db, EppSandbox sandbox, DomainRegistry registry) {
            this.db = db;
            this.sandbox = sandbox;
            this.ledger = new Ledger(db.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72));
            this.funding = new PrepaidFunding(TestPluginContext.of("prepaid-account", db.jdbi(), clock));
            this.store = new DomainOperationStore(db.jdbi(), clock);
            ProvisioningTargets targets = new ProvisioningTargets(new FakeExtensions()
                    .add("prepaid-account", FundingSource.class, funding)
                    .add("epp-registry", DomainRegistry.class, registry));
            this.operations = new DomainOperations(store, targets);
            this.janitor = new DomainOperationJanitor(store, targets, clock, GRACE, Duration.ofMinutes(1));
            this.prefix = "fault-" + sandbox.tag + "-" + SEQUENCE.incrementAndGet() + "-";
            String scheme = "epp-fault-dkk-" + sandbox.tag + "-" + SEQUENCE.get();
            ledger.createScheme(scheme, "DKK resellers", Currency.getInstance("DKK"), dkk("0"), true, dkk("0"));
            for (int a = 0; a < ACCOUNTS; a++) {
                String owner = "epp-fault-reseller-" + sandbox.tag + "-" + a;
                Account account = ledger.activate(ledger.apply(owner, scheme).id(), "operator");
                ledger.topUp(account.id(), "deposit-" + owner, DEPOSIT, null, "operator");
                owners.add(owner);
            }
            for (int i = 0; i < DOMAINS; i++) {
                DomainName name = DomainName.of(sandbox.domain("f" + i));
                requests.add(new DomainOperationRequest(owners.get(i % ACCOUNTS), "prepaid-account", PRICE,
                        RegistryCommand.of(RegisterDomain.of(IdempotencyKey.of(prefix + name.ascii()), name,
                                Period.years(1), new ContactHandle("H1"), List.of()))));
            }
        }

        /** Performs every create once, a few at a time; returns how many stood in which state afterwards. */
        Map<OperationState, Integer> performAll() throws Exception {
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            try {
                List<Future<DomainOperation>> done = new ArrayList<>();
                for (DomainOperationRequest request : requests) {
                    done.add(workers.submit(() -> operations.perform(request)));
                }
                Map<OperationState, Integer> counts = new EnumMap<>(OperationState.class);
                for (Future<DomainOperation> future : done) {
                    DomainOperation operation = future.get();
                    firstStates.put(operation.key(), operation.state());
                    counts.merge(operation.state(), 1, Integer::sum);
                }
                return counts;
            } finally {
                workers.shutdownNow();
            }
        }

        /** Runs the janitor past the grace period until none of this run's operations is open; returns the runs. */
        int settleEverything() {
            int runs = 0;
            while (!open().isEmpty()) {
                assertThat(runs).as("still open after %d janitor runs: %s", runs, open()).isLessThan(MAX_JANITOR_RUNS);
                clock.advance(GRACE.plusMinutes(1));
                janitor.settleOpenOperations();
                runs++;
            }
            return runs;
        }

        /** Operations whose create got no answer but which the janitor found done at the registry. */
        long capturedAfterLostAnswer() {
            return operations().stream()
                    .filter(operation -> firstStates.get(operation.key()) == OperationState.UNSETTLED)
                    .filter(operation -> operation.state() == OperationState.COMPLETED)
                    .count();
        }

        Map<OperationState, Integer> outcomeCounts() {
            Map<OperationState, Integer> counts = new EnumMap<>(OperationState.class);
            operations().forEach(operation -> counts.merge(operation.state(), 1, Integer::sum));
            return counts;
        }

        void assertNoDuplicateRegistrations() {
            List<String> twice = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT name FROM sandbox_registry_domain WHERE name LIKE :like GROUP BY name HAVING COUNT(*) > 1")
                    .bind("like", "%-" + sandbox.tag + ".dk").mapTo(String.class).list());
            assertThat(twice).as("names registered more than once").isEmpty();
        }

        void assertEachOperationSettledConsistently() {
            Set<String> registered = registeredNames();
            Map<String, Long> charges = chargesByOperationKey();
            assertThat(charges.values()).as("no operation charged twice").allMatch(count -> count == 1);
            int completed = 0;
            for (DomainOperation operation : operations()) {
                String key = operation.key().value();
                String name = operation.domain().ascii();
                FundingHold.State hold = funding.find(operation.key()).map(FundingHold::state).orElse(null);
                switch (operation.state()) {
                    case COMPLETED -> {
                        completed++;
                        assertThat(registered.contains(name)).as("%s completed, so registered", name).isTrue();
                        assertThat(hold).as("%s completed, so captured", key).isEqualTo(FundingHold.State.CAPTURED);
                        assertThat(charges.get(key)).as("%s charged once", key).isEqualTo(1L);
                    }
                    case FAILED -> {
                        assertThat(registered.contains(name)).as("%s failed, so not registered", name).isFalse();
                        assertThat(hold).as("%s failed, so released", key).isEqualTo(FundingHold.State.RELEASED);
                        assertThat(charges.get(key)).as("%s failed, so not charged", key).isNull();
                    }
                    case HELD_FOR_REVIEW -> {
                        assertThat(hold).as("%s parked, so not captured", key).isNotEqualTo(FundingHold.State.CAPTURED);
                        assertThat(charges.get(key)).as("%s parked, so not charged", key).isNull();
                    }
                    default -> throw new AssertionError(key + " ended " + operation.state());
                }
            }
            assertThat(registered).as("what the registry holds is exactly what was paid for").hasSize(completed);
            assertThat(totalCharged()).as("price × registered domains")
                    .isEqualTo(PRICE.times(registered.size()));
        }

        void assertLedgerReconciles() {
            ReconciliationReport report = new Reconciliation(db.jdbi(), clock).run();
            assertThat(report.problems()).isEmpty();
            assertThat(report.staleHolds()).isEmpty();
            Map<String, Integer> completedByOwner = new HashMap<>();
            operations().stream().filter(operation -> operation.state() == OperationState.COMPLETED)
                    .forEach(operation -> completedByOwner.merge(operation.customerId(), 1, Integer::sum));
            for (String owner : owners) {
                Account account = ledger.accountOfOwner(owner).orElseThrow();
                assertThat(account.held()).as("%s holds nothing", owner).isEqualTo(dkk("0"));
                assertThat(account.balance()).as("%s paid for what it got", owner)
                        .isEqualTo(DEPOSIT.minus(PRICE.times(completedByOwner.getOrDefault(owner, 0))));
                Money sum = ledger.entries(account.id(), EntryFilter.latest(1000)).stream()
                        .map(entry -> entry.amount()).reduce(dkk("0"), Money::plus);
                assertThat(account.balance()).isEqualTo(sum);
            }
        }

        Set<String> registeredNames() {
            return new HashSet<>(db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT name FROM sandbox_registry_domain WHERE registrar = :registrar")
                    .bind("registrar", sandbox.registrar).mapTo(String.class).list()));
        }

        Money totalCharged() {
            long minor = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT COALESCE(SUM(e.amount_minor), 0) FROM prepaid_account_entry e"
                                    + " JOIN prepaid_account_hold hd ON hd.id = e.hold_id"
                                    + " WHERE e.kind = 'CHARGE' AND hd.idempotency_key LIKE :prefix")
                    .bind("prefix", prefix + "%").mapTo(Long.class).one());
            return Money.ofMinor(-minor, Currency.getInstance("DKK"));
        }

        private Map<String, Long> chargesByOperationKey() {
            Map<String, Long> charges = new HashMap<>();
            db.jdbi().useHandle(h -> h.createQuery(
                            "SELECT hd.idempotency_key AS k, COUNT(*) AS n FROM prepaid_account_entry e"
                                    + " JOIN prepaid_account_hold hd ON hd.id = e.hold_id"
                                    + " WHERE e.kind = 'CHARGE' AND hd.idempotency_key LIKE :prefix"
                                    + " GROUP BY hd.idempotency_key")
                    .bind("prefix", prefix + "%")
                    .map((rs, ctx) -> Map.entry(rs.getString("k"), rs.getLong("n")))
                    .forEach(entry -> charges.put(entry.getKey(), entry.getValue())));
            return charges;
        }

        private List<DomainOperation> open() {
            return operations().stream().filter(operation -> !operation.state().isFinal()).toList();
        }

        private List<DomainOperation> operations() {
            return requests.stream().map(request -> store.find(request.command().key()).orElseThrow()).toList();
        }
    }

    /** Room for more sessions than the pool keeps, since a hung one lives on at the server until its idle timeout. */
    private static SandboxSettings faulty(SandboxSettings dk) {
        return new SandboxSettings(dk.serverId(), dk.registrars(), dk.createPrices(), dk.maxFrameBytes(), SANDBOX_IDLE,
                WORKERS * 4, dk.errorsOfOneKindToClose(), Map.of("domain:create", FAULTS, "domain:info", FAULTS));
    }

    private static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }
}
