package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.database.Database;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.provisioning.DomainOperation;
import org.kontor.host.provisioning.DomainOperationRequest;
import org.kontor.host.provisioning.DomainOperationStore;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.OperationState;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.provisioning.RegistryCommand;
import org.kontor.plugins.epp.registry.EppRegistryExtension;
import org.kontor.plugins.prepaidaccount.PrepaidFunding;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestPluginContext;

/**
 * The paid path of a registration end to end: the host's domain operations with the real prepaid ledger and
 * the epp-registry plugin talking EPP over TLS to the sandbox registry, on both databases.
 */
@DatabaseTest(migrateHost = true, plugins = {"prepaid-account", "sandbox-registry"})
class EppPaidRegistrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Clock clock = Clock.systemUTC();

    private Ledger ledger;
    private FundingSource funding;
    private DomainOperationStore store;
    private DomainOperations operations;
    private String owner;

    private void setUp(Database db, DomainRegistry registry) {
        ledger = new Ledger(db.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72));
        funding = new PrepaidFunding(TestPluginContext.of("prepaid-account", db.jdbi(), clock));
        store = new DomainOperationStore(db.jdbi(), clock);
        operations = new DomainOperations(store, new ProvisioningTargets(new FakeExtensions()
                .add("prepaid-account", FundingSource.class, funding)
                .add("epp-registry", DomainRegistry.class, registry)));
        long n = SEQUENCE.incrementAndGet();
        String scheme = "epp-dkk-" + n + "-" + System.nanoTime();
        ledger.createScheme(scheme, "DKK resellers", Currency.getInstance("DKK"), dkk("0"), true, dkk("0"));
        owner = "epp-reseller-" + scheme;
        Account account = ledger.activate(ledger.apply(owner, scheme).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + owner, dkk("1000"), null, "operator");
    }

    @DbTest
    void aPaidRegistrationIsChargedOnceAndTheRegistryHoldsTheDomainOnce(Database db) throws Exception {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("1000.00", "DKK"));
             EppRegistryExtension registry = sandbox.extension(db, clock)) {
            setUp(db, registry);
            DomainOperationRequest request = register(DomainName.of(sandbox.domain("paid")));

            DomainOperation done = operations.perform(request);
            DomainOperation again = operations.perform(request);

            assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
            assertThat(done.outcomeStatus()).isEqualTo(OutcomeStatus.PROCESSED);
            assertThat(done.registryId()).isEqualTo("sandbox");
            assertThat(again.state()).isEqualTo(OperationState.COMPLETED);
            assertThat(funding.find(request.command().key()).orElseThrow().state())
                    .isEqualTo(FundingHold.State.CAPTURED);
            assertThat(charges()).isEqualTo(1);
            assertThat(account().balance()).isEqualTo(dkk("900.00"));
            assertThat(account().held()).isEqualTo(dkk("0"));
            assertThat(domainRows(db, request.command().domain())).isEqualTo(1);
            assertThat(sandbox.registry.find(request.command().domain().ascii()).orElseThrow().registrar())
                    .isEqualTo(sandbox.registrar);
            assertThat(sandbox.registry.balance(sandbox.registrar)).as("the registry charged its registrar once")
                    .isEqualTo(Money.of("925.00", "DKK"));
            assertLedgerAddsUp(db);
        }
    }

    @DbTest
    void aRegistrarShortAtTheRegistryParksTheOperationAndChargesNothing(Database db) throws Exception {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("10.00", "DKK"));
             EppRegistryExtension registry = sandbox.extension(db, clock)) {
            setUp(db, registry);
            DomainOperationRequest request = register(DomainName.of(sandbox.domain("short")));

            DomainOperation parked = operations.perform(request);

            assertThat(parked.state()).isEqualTo(OperationState.HELD_FOR_REVIEW);
            assertThat(parked.outcomeCode()).isEqualTo("2104");
            assertThat(funding.find(request.command().key()).orElseThrow().state())
                    .isEqualTo(FundingHold.State.RELEASED);
            assertThat(charges()).isZero();
            assertThat(account().balance()).isEqualTo(dkk("1000.00"));
            assertThat(account().held()).isEqualTo(dkk("0"));
            assertThat(sandbox.registry.find(request.command().domain().ascii())).isEmpty();
            assertLedgerAddsUp(db);
        }
    }

    private DomainOperationRequest register(DomainName name) {
        return new DomainOperationRequest(owner, "prepaid-account", dkk("100"), RegistryCommand.of(RegisterDomain.of(
                IdempotencyKey.of("create-" + name.ascii()), name, Period.years(1), new ContactHandle("H1"), List.of())));
    }

    private static long domainRows(Database db, DomainName name) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sandbox_registry_domain WHERE name = :n")
                .bind("n", name.ascii()).mapTo(Long.class).one());
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
