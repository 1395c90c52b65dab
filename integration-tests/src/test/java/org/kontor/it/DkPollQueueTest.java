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
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.database.Database;
import org.kontor.host.domains.DomainRecord;
import org.kontor.host.domains.RegistryMessages;
import org.kontor.host.domains.RegistryPoller;
import org.kontor.host.plugins.FakeExtensions;
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
import org.kontor.plugins.registrydk.DkRegistryExtension;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestPluginContext;

/**
 * A paid .dk create decided through the poll queue (EPP-4) instead of the janitor: registry-dk over EPP against the
 * sandbox's .dk profile, the host's poller applying {@code create-approved} / {@code create-rejected} by the echoed
 * clTRID, with the real prepaid ledger.
 */
@DatabaseTest(migrateHost = true, plugins = {"prepaid-account", "sandbox-registry"})
class DkPollQueueTest {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Clock clock = Clock.systemUTC();

    private Ledger ledger;
    private FundingSource funding;
    private DomainOperationStore store;
    private DomainOperations operations;
    private RegistryMessages messages;
    private RegistryPoller poller;
    private String owner;

    private void setUp(Database db, DomainRegistry registry) {
        ledger = new Ledger(db.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72));
        funding = new PrepaidFunding(TestPluginContext.of("prepaid-account", db.jdbi(), clock));
        store = new DomainOperationStore(db.jdbi(), clock);
        operations = new DomainOperations(store, new ProvisioningTargets(new FakeExtensions()
                .add("prepaid-account", FundingSource.class, funding)
                .add("registry-dk", DomainRegistry.class, registry)));
        messages = new RegistryMessages(db.jdbi(), clock);
        poller = new RegistryPoller(messages, store.domains(), operations, 100);
        String scheme = "dk-poll-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        ledger.createScheme(scheme, "DKK resellers", Currency.getInstance("DKK"), dkk("0"), true, dkk("0"));
        owner = "dk-poll-reseller-" + scheme;
        Account account = ledger.activate(ledger.apply(owner, scheme).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + owner, dkk("1000"), null, "operator");
    }

    private DomainOperationRequest pendingCreate(DkRegistryExtension dk, DomainName name) throws Exception {
        ContactHandle holder = DkRegistryAgainstSandboxTest.contact(dk, "holder-" + name.ascii(),
                DkRegistryAgainstSandboxTest.individual("Jens Hansen"));
        DomainOperationRequest request = new DomainOperationRequest(owner, "prepaid-account", dkk("100"),
                RegistryCommand.of(DkRegistryAgainstSandboxTest.register("create-" + name.ascii(), name, holder,
                        clock.instant())));
        assertThat(operations.perform(request).state()).isEqualTo(OperationState.UNSETTLED);
        assertThat(store.domains().find(name).orElseThrow().state()).isEqualTo(State.PENDING_CREATE);
        return request;
    }

    @DbTest
    void anApprovalInThePollQueueCapturesAndActivates(Database db) throws Exception {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("1000.00", "DKK"), EppSandbox.strict(BigDecimal.ZERO, BigDecimal.ZERO));
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            setUp(db, dk);
            DomainName name = DomainName.of(sandbox.domain("approved"));
            DomainOperationRequest request = pendingCreate(dk, name);
            assertThat(sandbox.registry.decide(name.ascii(), true)).isTrue();

            RegistryPoller.Run run = poller.drain(dk);

            assertThat(run.emptied()).isTrue();
            assertThat(run.acknowledged()).isEqualTo(run.received());
            assertThat(store.find(request.command().key()).orElseThrow().state()).isEqualTo(OperationState.COMPLETED);
            assertThat(funding.find(request.command().key()).orElseThrow().state()).isEqualTo(FundingHold.State.CAPTURED);
            assertThat(charges()).isEqualTo(1);
            DomainRecord record = store.domains().find(name).orElseThrow();
            assertThat(record.state()).isEqualTo(State.ACTIVE);
            assertThat(record.customerId()).isEqualTo(owner);
            assertThat(record.expiresAt()).as("from the registry's info").isNotNull();
            assertThat(messages.latest(20)).extracting(RegistryMessages.Stored::kind).contains("create-approved");
            assertThat(poller.drain(dk).received()).isZero();
        }
    }

    @DbTest
    void aRejectionInThePollQueueReleasesAndRejects(Database db) throws Exception {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("1000.00", "DKK"), EppSandbox.strict(BigDecimal.ZERO, BigDecimal.ZERO));
             DkRegistryExtension dk = sandbox.dkExtension(db, clock, sandbox.registrar)) {
            setUp(db, dk);
            DomainName name = DomainName.of(sandbox.domain("refused"));
            DomainOperationRequest request = pendingCreate(dk, name);
            assertThat(sandbox.registry.decide(name.ascii(), false)).isTrue();

            poller.drain(dk);

            assertThat(store.find(request.command().key()).orElseThrow().state()).isEqualTo(OperationState.FAILED);
            assertThat(funding.find(request.command().key()).orElseThrow().state()).isEqualTo(FundingHold.State.RELEASED);
            assertThat(charges()).isZero();
            assertThat(store.domains().find(name).orElseThrow().state()).isEqualTo(State.REJECTED);
        }
    }

    private long charges() {
        Account account = ledger.accountOfOwner(owner).orElseThrow();
        return ledger.entries(account.id(), EntryFilter.latest(100)).stream()
                .filter(entry -> entry.kind() == EntryKind.CHARGE).count();
    }

    private static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }
}
