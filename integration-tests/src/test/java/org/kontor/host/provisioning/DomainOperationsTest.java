package org.kontor.host.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RenewDomain;
import org.kontor.database.Database;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.plugins.prepaidaccount.PrepaidFunding;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;
import org.kontor.testkit.registry.Reaction;
import org.kontor.testkit.registry.TableRegistry;

/** The paid path of a domain operation against the real prepaid ledger and a registry double, on both databases. */
@DatabaseTest(migrateHost = true, plugins = "prepaid-account")
class DomainOperationsTest {

    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final TestClock clock = TestClock.fixed();

    private Ledger ledger;
    private FundingSource funding;
    private TableRegistry registry;
    private DomainOperationStore store;
    private DomainOperations operations;
    private DomainOperationJanitor janitor;
    private String owner;
    private RecordingEvents clearingEvents;
    private String operatorAddress;

    @BeforeEach
    void forgetOtherTestsOperations(Database db) {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM domain_operation"));
    }

    private void setUp(Database db, String deposit) {
        ledger = new Ledger(db.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72));
        funding = new PrepaidFunding(TestPluginContext.of("prepaid-account", db.jdbi(), clock));
        registry = new TableRegistry(db.jdbi(), "sandbox", Set.of(Tld.of("dk")), clock);
        FakeExtensions extensions = new FakeExtensions()
                .add("prepaid-account", FundingSource.class, funding)
                .add("sandbox-registry", DomainRegistry.class, registry);
        clearingEvents = new RecordingEvents();
        operatorAddress = "clearing-" + SEQUENCE.incrementAndGet() + "@operator.example";
        store = new DomainOperationStore(db.jdbi(), clock, java.util.Optional.of(new OperationNotices(clearingEvents,
                new org.kontor.host.mail.QueuedMailer(db.jdbi(), clock, id -> { }),
                () -> java.util.Optional.of(operatorAddress), clock)));
        ProvisioningTargets targets = new ProvisioningTargets(extensions);
        operations = new DomainOperations(store, targets);
        janitor = new DomainOperationJanitor(store, targets, clock, GRACE, Duration.ofMinutes(1));
        long n = SEQUENCE.incrementAndGet();
        String scheme = "dkk-" + n;
        ledger.createScheme(scheme, "DKK resellers", Currency.getInstance("DKK"), dkk("0"), true, dkk("0"));
        owner = "reseller-" + n;
        Account account = ledger.activate(ledger.apply(owner, scheme).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + owner, dkk(deposit), null, "operator");
    }

    @DbTest
    void aRegistrationTheRegistryDidIsCapturedOnce(Database db) throws Exception {
        setUp(db, "1000");
        DomainOperationRequest request = register("done");

        DomainOperation done = operations.perform(request);

        assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
        assertThat(done.outcomeStatus()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(done.registryId()).isEqualTo("sandbox");
        assertThat(hold(request).state()).isEqualTo(FundingHold.State.CAPTURED);
        assertThat(account().balance()).isEqualTo(dkk("900.00"));
        assertThat(account().held()).isEqualTo(dkk("0"));
        assertThat(registry.holds(domainOf(request))).isTrue();
        assertLedgerAddsUp(db);
    }

    @DbTest
    void theSameKeyAgainCallsNothingAndChargesOnce(Database db) throws Exception {
        setUp(db, "1000");
        DomainOperationRequest request = register("twice");

        operations.perform(request);
        DomainOperation again = operations.perform(request);

        assertThat(again.state()).isEqualTo(OperationState.COMPLETED);
        assertThat(registry.arrivals(domainOf(request))).isEqualTo(1);
        assertThat(charges()).isEqualTo(1);
        assertThat(account().balance()).isEqualTo(dkk("900.00"));
    }

    @DbTest
    void insufficientFundsRefuseWithoutHoldingOrCalling(Database db) {
        setUp(db, "50");
        DomainOperationRequest request = register("poor");

        assertThatThrownBy(() -> operations.perform(request)).isInstanceOf(InsufficientFundsException.class)
                .satisfies(e -> assertThat(((InsufficientFundsException) e).missing()).isEqualTo(dkk("50.00")));

        assertThat(operation(request).state()).isEqualTo(OperationState.REFUSED);
        assertThat(operation(request).outcomeCode()).isEqualTo("insufficient-funds");
        assertThat(funding.find(request.command().key())).isEmpty();
        assertThat(registry.arrivals(domainOf(request))).isZero();
        assertThat(account().balance()).isEqualTo(dkk("50.00"));
    }

    @DbTest
    void aRefusalReleasesTheHold(Database db) throws Exception {
        setUp(db, "1000");
        DomainOperationRequest request = register("taken");
        registry.react(domainOf(request), Reaction.refused("2302", "Object exists"));

        DomainOperation failed = operations.perform(request);

        assertThat(failed.state()).isEqualTo(OperationState.FAILED);
        assertThat(failed.outcomeCode()).isEqualTo("2302");
        assertThat(hold(request).state()).isEqualTo(FundingHold.State.RELEASED);
        assertThat(account().balance()).isEqualTo(dkk("1000.00"));
        assertThat(account().held()).isEqualTo(dkk("0"));
        assertLedgerAddsUp(db);
        assertThat(clearingEvents.published()).as("an ordinary refusal is no case for the clearing center").isEmpty();
    }

    @DbTest
    void aBillingFailureAtTheRegistryIsParkedForReviewAndNeverCharged(Database db) throws Exception {
        setUp(db, "1000");
        DomainOperationRequest request = register("registrar-short");
        registry.react(domainOf(request), Reaction.refused("2104", "Billing failure"));

        DomainOperation parked = operations.perform(request);

        assertThat(parked.state()).isEqualTo(OperationState.HELD_FOR_REVIEW);
        assertThat(parked.outcomeCode()).isEqualTo("2104");
        assertThat(hold(request).state()).isEqualTo(FundingHold.State.RELEASED);
        assertThat(account().balance()).isEqualTo(dkk("1000.00"));
        assertThat(charges()).isZero();
        assertThat(store.inState(OperationState.HELD_FOR_REVIEW)).extracting(DomainOperation::key)
                .contains(request.command().key());
        assertThat(janitor.settleOpenOperations()).isZero();
        assertThat(operation(request).state()).isEqualTo(OperationState.HELD_FOR_REVIEW);
        // the operator is told once: an event and an e-mail, written with the parking
        assertThat(clearingEvents.published()).singleElement()
                .isInstanceOfSatisfying(org.kontor.api.event.DomainOperationHeldForReview.class, held -> {
                    assertThat(held.operationKey()).isEqualTo(request.command().key().value());
                    assertThat(held.reason()).isEqualTo("2104");
                    assertThat(held.customerId()).isEqualTo(owner);
                });
        List<String> mails = db.jdbi().withHandle(h -> h.createQuery("SELECT subject || ' / ' || text_body FROM mail_queue "
                + "WHERE recipients = :to").bind("to", operatorAddress).mapTo(String.class).list());
        assertThat(mails).singleElement().asString().contains("Held for review", domainOf(request).unicode(), "2104 Billing failure",
                        "not charged");
    }

    @DbTest
    void aLostAnswerKeepsTheHoldUntilTheJanitorLearnsItWasDone(Database db) throws Exception {
        setUp(db, "1000");
        DomainOperationRequest request = register("timeout");
        registry.react(domainOf(request), Reaction.answerLost());

        DomainOperation open = operations.perform(request);

        assertThat(open.state()).isEqualTo(OperationState.UNSETTLED);
        assertThat(hold(request).state()).isEqualTo(FundingHold.State.ACTIVE);
        assertThat(account().held()).isEqualTo(dkk("100.00"));

        janitor.settleOpenOperations();

        assertThat(operation(request).state()).isEqualTo(OperationState.COMPLETED);
        assertThat(hold(request).state()).isEqualTo(FundingHold.State.CAPTURED);
        assertThat(registry.arrivals(domainOf(request))).as("the janitor asks, it never resends").isEqualTo(1);
        assertThat(account().balance()).isEqualTo(dkk("900.00"));
        assertLedgerAddsUp(db);
    }

    @DbTest
    void aCommandThatNeverArrivedIsReleasedByTheJanitor(Database db) throws Exception {
        setUp(db, "1000");
        DomainOperationRequest request = register("lost");
        registry.react(domainOf(request), Reaction.notReached());

        assertThat(operations.perform(request).state()).isEqualTo(OperationState.UNSETTLED);
        janitor.settleOpenOperations();

        assertThat(operation(request).state()).isEqualTo(OperationState.FAILED);
        assertThat(operation(request).outcomeCode()).isEqualTo("2303");
        assertThat(hold(request).state()).isEqualTo(FundingHold.State.RELEASED);
        assertThat(account().balance()).isEqualTo(dkk("1000.00"));
        assertThat(registry.arrivals(domainOf(request))).isZero();
    }

    @DbTest
    void aPendingRenewalWaitsUntilTheRegistryDecides(Database db) throws Exception {
        setUp(db, "1000");
        DomainName name = DomainName.of("pending-" + SEQUENCE.incrementAndGet() + ".dk");
        operations.perform(new DomainOperationRequest(owner, "prepaid-account", dkk("100"), RegistryCommand.of(
                RegisterDomain.of(IdempotencyKey.of("create-" + name.ascii()), name, Period.years(1), new ContactHandle("H1"), List.of()))));
        registry.react(name, Reaction.pending());
        DomainOperationRequest renewal = new DomainOperationRequest(owner, "prepaid-account", dkk("80"), RegistryCommand.of(
                RenewDomain.of(IdempotencyKey.of("renew-" + name.ascii()), name, java.time.LocalDate.of(2031, 1, 1), Period.years(1))));

        assertThat(operations.perform(renewal).state()).isEqualTo(OperationState.UNSETTLED);
        assertThat(janitor.settleOpenOperations()).isZero();
        assertThat(operation(renewal).state()).isEqualTo(OperationState.UNSETTLED);
        assertThat(hold(renewal).state()).isEqualTo(FundingHold.State.ACTIVE);

        registry.decide(renewal.command().key(), true, "1000", "done");
        assertThat(janitor.settleOpenOperations()).isEqualTo(1);

        assertThat(operation(renewal).state()).isEqualTo(OperationState.COMPLETED);
        assertThat(account().balance()).isEqualTo(dkk("820.00"));
        assertLedgerAddsUp(db);
    }

    @DbTest
    void anIntentAbandonedAfterTheCallIsCapturedOnceItIsStale(Database db) throws Exception {
        setUp(db, "1000");
        DomainOperationRequest request = register("crash-after");
        // What a process leaves when it dies right after the registry did it:
        assertThat(store.record(request, "sandbox")).isTrue();
        funding.hold(request.fundingRequest());
        store.transition(request.command().key(), OperationState.RECORDED, OperationState.HELD, null);
        request.command().sendTo(registry);

        assertThat(janitor.settleOpenOperations()).as("still within the grace period").isZero();
        assertThat(operation(request).state()).isEqualTo(OperationState.HELD);

        clock.advance(GRACE);
        assertThat(janitor.settleOpenOperations()).isEqualTo(1);

        assertThat(operation(request).state()).isEqualTo(OperationState.COMPLETED);
        assertThat(hold(request).state()).isEqualTo(FundingHold.State.CAPTURED);
        assertThat(registry.arrivals(domainOf(request))).isEqualTo(1);
        assertThat(charges()).isEqualTo(1);
        assertLedgerAddsUp(db);
    }

    @DbTest
    void anIntentAbandonedBeforeTheCallIsReleasedAndTheRegistryNeverCalled(Database db) throws Exception {
        setUp(db, "1000");
        DomainOperationRequest held = register("crash-before-call");
        assertThat(store.record(held, "sandbox")).isTrue();
        funding.hold(held.fundingRequest());
        store.transition(held.command().key(), OperationState.RECORDED, OperationState.HELD, null);
        DomainOperationRequest recorded = register("crash-before-held");
        assertThat(store.record(recorded, "sandbox")).isTrue();
        funding.hold(recorded.fundingRequest());

        clock.advance(GRACE);
        assertThat(janitor.settleOpenOperations()).isEqualTo(2);

        for (DomainOperationRequest request : List.of(held, recorded)) {
            assertThat(operation(request).state()).isEqualTo(OperationState.FAILED);
            assertThat(hold(request).state()).isEqualTo(FundingHold.State.RELEASED);
            assertThat(registry.arrivals(domainOf(request))).isZero();
            assertThat(registry.holds(domainOf(request))).isFalse();
        }
        assertThat(account().balance()).isEqualTo(dkk("1000.00"));
        assertThat(account().held()).isEqualTo(dkk("0"));
        assertLedgerAddsUp(db);
    }

    @DbTest
    void aRegistryThatThrowsLeavesTheOperationUnsettled(Database db) throws Exception {
        setUp(db, "1000");
        DomainOperationRequest request = register("exploding");
        DomainRegistry exploding = new ThrowingRegistry(registry);
        FakeExtensions extensions = new FakeExtensions()
                .add("prepaid-account", FundingSource.class, funding)
                .add("sandbox-registry", DomainRegistry.class, exploding);
        DomainOperations withExploding = new DomainOperations(store, new ProvisioningTargets(extensions));

        DomainOperation open = withExploding.perform(request);

        assertThat(open.state()).isEqualTo(OperationState.UNSETTLED);
        assertThat(open.outcomeStatus()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(hold(request).state()).isEqualTo(FundingHold.State.ACTIVE);
    }

    @DbTest
    void aTldNoRegistryServesRecordsNothing(Database db) {
        setUp(db, "1000");
        DomainName name = DomainName.of("nowhere-" + SEQUENCE.incrementAndGet() + ".se");
        DomainOperationRequest request = new DomainOperationRequest(owner, "prepaid-account", dkk("100"), RegistryCommand.of(
                RegisterDomain.of(IdempotencyKey.of("create-" + name.ascii()), name, Period.years(1), new ContactHandle("H1"), List.of())));

        assertThatThrownBy(() -> operations.perform(request)).isInstanceOf(ProvisioningException.class).hasMessageContaining(".se");
        assertThat(store.find(request.command().key())).isEmpty();
        assertThat(funding.find(request.command().key())).isEmpty();
    }

    private DomainOperationRequest register(String label) {
        DomainName name = DomainName.of(label + "-" + SEQUENCE.incrementAndGet() + ".dk");
        return new DomainOperationRequest(owner, "prepaid-account", dkk("100"), RegistryCommand.of(RegisterDomain.of(
                IdempotencyKey.of("create-" + name.ascii()), name, Period.years(1), new ContactHandle("H1"), List.of())));
    }

    private static DomainName domainOf(DomainOperationRequest request) {
        return request.command().domain();
    }

    private DomainOperation operation(DomainOperationRequest request) {
        return store.find(request.command().key()).orElseThrow();
    }

    private FundingHold hold(DomainOperationRequest request) {
        return funding.find(request.command().key()).orElseThrow();
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
        assertThat(report.staleHolds()).isEmpty();
        Money sum = ledger.entries(account().id(), EntryFilter.latest(1000)).stream()
                .map(entry -> entry.amount()).reduce(dkk("0"), Money::plus);
        assertThat(account().balance()).isEqualTo(sum);
    }

    private static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }
}
