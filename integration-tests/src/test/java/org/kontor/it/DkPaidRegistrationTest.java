package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
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
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.plugins.registrydk.DkRegistryExtension;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestPluginContext;

/**
 * A paid .dk registration through the host's domain operations with the real prepaid ledger and registry-dk
 * talking to the sandbox's .dk profile: the registry answers 1001, the operation stays UNSETTLED with its hold
 * while the registry decides, and the janitor settles it from {@code status()} once it has.
 */
@DatabaseTest(migrateHost = true, plugins = {"prepaid-account", "sandbox-registry"})
class DkPaidRegistrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Clock clock = Clock.systemUTC();

    private Ledger ledger;
    private FundingSource funding;
    private DomainOperations operations;
    private DomainOperationJanitor janitor;
    private String owner;

    private void setUp(Database db, DomainRegistry registry) {
        ledger = new Ledger(db.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72));
        funding = new PrepaidFunding(TestPluginContext.of("prepaid-account", db.jdbi(), clock));
        DomainOperationStore store = new DomainOperationStore(db.jdbi(), clock);
        ProvisioningTargets targets = new ProvisioningTargets(new FakeExtensions()
                .add("prepaid-account", FundingSource.class, funding)
                .add("registry-dk", DomainRegistry.class, registry));
        operations = new DomainOperations(store, targets);
        janitor = new DomainOperationJanitor(store, targets, clock, Duration.ofMinutes(5), Duration.ofMinutes(1));
        String scheme = "dk-dkk-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        ledger.createScheme(scheme, "DKK resellers", Currency.getInstance("DKK"), dkk("0"), true, dkk("0"));
        owner = "dk-reseller-" + scheme;
        Account account = ledger.activate(ledger.apply(owner, scheme).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + owner, dkk("1000"), null, "operator");
    }

    private static EppSandbox start(Database db) {
        return EppSandbox.start(db, Money.of("1000.00", "DKK"), EppSandbox.strict(BigDecimal.ZERO, BigDecimal.ZERO));
    }

    private DomainOperation pending(EppSandbox sandbox, DkRegistryExtension dk, DomainOperationRequest request) throws Exception {
        DomainOperation pending = operations.perform(request);
        assertThat(pending.state()).isEqualTo(OperationState.UNSETTLED);
        assertThat(pending.outcomeStatus()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(pending.registryId()).isEqualTo("dk-sandbox");
        assertThat(funding.find(request.command().key()).orElseThrow().state()).isEqualTo(FundingHold.State.ACTIVE);
        assertThat(account().held()).isEqualTo(dkk("100"));

        assertThat(janitor.settleOpenOperations()).as("the registry has not decided").isZero();
        assertThat(operations.perform(request).state()).isEqualTo(OperationState.UNSETTLED);
        assertThat(funding.find(request.command().key()).orElseThrow().state()).isEqualTo(FundingHold.State.ACTIVE);
        assertThat(charges()).isZero();
        return pending;
    }

    @DbTest
    void anApprovedCreateIsCapturedOnceByTheJanitor(Database db) throws Exception {
        try (EppSandbox sandbox = start(db);
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            setUp(db, dk);
            DomainOperationRequest request = register(sandbox, dk, DomainName.of(sandbox.domain("paid")));
            pending(sandbox, dk, request);

            assertThat(sandbox.registry.decide(request.command().domain().ascii(), true)).isTrue();
            assertThat(janitor.settleOpenOperations()).isEqualTo(1);
            assertThat(janitor.settleOpenOperations()).as("nothing left open").isZero();

            DomainOperation done = operations.perform(request);
            assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
            assertThat(funding.find(request.command().key()).orElseThrow().state())
                    .isEqualTo(FundingHold.State.CAPTURED);
            assertThat(charges()).isEqualTo(1);
            assertThat(account().balance()).isEqualTo(dkk("900.00"));
            assertThat(account().held()).isEqualTo(dkk("0"));
            assertThat(sandbox.registry.balance(sandbox.registrar)).isEqualTo(Money.of("925.00", "DKK"));
            assertLedgerAddsUp(db);
        }
    }

    @DbTest
    void aRejectedCreateIsReleasedByTheJanitor(Database db) throws Exception {
        try (EppSandbox sandbox = start(db);
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            setUp(db, dk);
            DomainOperationRequest request = register(sandbox, dk, DomainName.of(sandbox.domain("refused")));
            pending(sandbox, dk, request);

            assertThat(sandbox.registry.decide(request.command().domain().ascii(), false)).isTrue();
            assertThat(janitor.settleOpenOperations()).isEqualTo(1);

            DomainOperation done = operations.perform(request);
            assertThat(done.state()).isEqualTo(OperationState.FAILED);
            assertThat(funding.find(request.command().key()).orElseThrow().state())
                    .isEqualTo(FundingHold.State.RELEASED);
            assertThat(charges()).isZero();
            assertThat(account().balance()).isEqualTo(dkk("1000.00"));
            assertThat(account().held()).isEqualTo(dkk("0"));
            assertThat(sandbox.registry.balance(sandbox.registrar)).as("refunded by the registry")
                    .isEqualTo(Money.of("1000.00", "DKK"));
            assertLedgerAddsUp(db);
        }
    }

    private DomainOperationRequest register(EppSandbox sandbox, DkRegistryExtension dk, DomainName name) {
        ContactHandle holder = DkRegistryAgainstSandboxTest.contact(dk, "holder-" + name.ascii(),
                DkRegistryAgainstSandboxTest.individual("Jens Hansen"));
        return new DomainOperationRequest(owner, "prepaid-account", dkk("100"), RegistryCommand.of(
                DkRegistryAgainstSandboxTest.register("create-" + name.ascii(), name, holder, clock.instant())));
    }

    private Account account() {
        return ledger.accountOfOwner(owner).orElseThrow();
    }

    private long charges() {
        return ledger.entries(account().id(), EntryFilter.latest(100)).stream()
                .filter(entry -> entry.kind() == EntryKind.CHARGE).count();
    }

    private void assertLedgerAddsUp(Database db) {
        var report = new Reconciliation(db.jdbi(), clock).run();
        assertThat(report.problems()).isEmpty();
        Money sum = ledger.entries(account().id(), EntryFilter.latest(1000)).stream()
                .map(entry -> entry.amount()).reduce(dkk("0"), Money::plus);
        assertThat(account().balance()).isEqualTo(sum);
    }

    private static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }
}
