package org.kontor.host.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.database.Database;
import org.kontor.host.provisioning.OperationState;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** Poll → apply → acknowledge against a scripted registry, once per message however often it comes. */
@DatabaseTest(migrateHost = true)
class RegistryPollerTest {

    private static final Instant EXPIRY = Instant.parse("2027-03-01T00:00:00Z");

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T12:00:00Z"));
    private Domains domains;

    @BeforeEach
    void setUp(Database db) {
        Domains.clear(db);
        domains = new Domains(db, clock);
    }

    /** A create the registry answered PENDING (the .dk registry's 1001): UNSETTLED, hold kept. */
    private IdempotencyKey pendingCreate(DomainName name) throws Exception {
        IdempotencyKey key = Domains.key("create");
        domains.registry.answer(name, Outcome.pending(null, key.value(), "queued for review"));
        assertThat(domains.operations.perform(domains.create("anna", name, key)).state()).isEqualTo(OperationState.UNSETTLED);
        domains.registry.answer(name, null);
        return key;
    }

    private static RegistryMessage message(String id, String kind, DomainName name, Map<String, String> data) {
        return new RegistryMessage(id, Instant.parse("2026-03-01T11:00:00Z"), kind, kind + " " + name, name, data);
    }

    @DbTest
    void anApprovedCreateCapturesTheHoldAndActivatesTheDomain(Database db) throws Exception {
        DomainName name = Domains.unique("approved");
        IdempotencyKey key = pendingCreate(name);
        domains.registry.holds(name, EXPIRY);
        domains.registry.enqueue(message("m1", "create-approved", name, Map.of("paTRID", key.value())));

        RegistryPoller.Run run = domains.poller.drain(domains.registry);

        assertThat(run).isEqualTo(new RegistryPoller.Run(1, 1, 1, true));
        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.COMPLETED);
        assertThat(domains.funding.find(key).orElseThrow().state()).isEqualTo(FundingHold.State.CAPTURED);
        DomainRecord record = domains.store.find(name).orElseThrow();
        assertThat(record.state()).isEqualTo(State.ACTIVE);
        assertThat(record.expiresAt()).isEqualTo(EXPIRY);
        assertThat(domains.registry.acknowledged).containsExactly("m1");
        RegistryMessages.Stored stored = domains.messages.find("scripted", "m1").orElseThrow();
        assertThat(stored.applied()).isTrue();
        assertThat(stored.acknowledgedAt()).isNotNull();
        assertThat(stored.outcome()).contains("COMPLETED");
    }

    @DbTest
    void aRejectedCreateReleasesTheHoldAndRejectsTheDomain(Database db) throws Exception {
        DomainName name = Domains.unique("rejected");
        IdempotencyKey key = pendingCreate(name);
        domains.registry.enqueue(message("m2", "create-rejected", name, Map.of("paTRID", key.value())));

        domains.poller.drain(domains.registry);

        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.FAILED);
        assertThat(domains.funding.find(key).orElseThrow().state()).isEqualTo(FundingHold.State.RELEASED);
        assertThat(domains.store.find(name).orElseThrow().state()).isEqualTo(State.REJECTED);
        assertThat(domains.registry.queued()).isZero();
    }

    @DbTest
    void aTransferAwayMarksTheDomainTransferredAway(Database db) throws Exception {
        DomainName name = Domains.unique("leaving");
        domains.operations.perform(domains.create("anna", name, Domains.key("create")));
        domains.registry.enqueue(message("t1", "transfer-pending", name, Map.of("trStatus", "pending", "reID", "other")));

        domains.poller.drain(domains.registry);
        assertThat(domains.store.find(name).orElseThrow().statuses()).contains("pendingTransfer");
        assertThat(domains.store.find(name).orElseThrow().state()).isEqualTo(State.ACTIVE);

        domains.registry.enqueue(message("t2", "transfer-serverApproved", name, Map.of("trStatus", "serverApproved")));
        domains.poller.drain(domains.registry);

        DomainRecord record = domains.store.find(name).orElseThrow();
        assertThat(record.state()).isEqualTo(State.TRANSFERRED_AWAY);
        assertThat(record.statuses()).doesNotContain("pendingTransfer");
    }

    @DbTest
    void aRejectedTransferAwayKeepsTheDomain(Database db) throws Exception {
        DomainName name = Domains.unique("staying");
        domains.operations.perform(domains.create("anna", name, Domains.key("create")));
        domains.registry.enqueue(message("t3", "transfer-pending", name, Map.of()))
                .enqueue(message("t4", "transfer-clientRejected", name, Map.of()));

        domains.poller.drain(domains.registry);

        DomainRecord record = domains.store.find(name).orElseThrow();
        assertThat(record.state()).isEqualTo(State.ACTIVE);
        assertThat(record.statuses()).doesNotContain("pendingTransfer");
    }

    @DbTest
    void ourTransferCompletedByMessageIsCapturedAndActiveUnderTheNewCustomer(Database db) throws Exception {
        DomainName name = Domains.unique("arriving");
        IdempotencyKey key = Domains.key("transfer");
        domains.registry.answer(name, Outcome.pending(null, key.value(), "awaiting the losing registrar"));
        domains.operations.perform(domains.transfer("bo", name, key));
        domains.registry.holds(name, EXPIRY);
        domains.registry.enqueue(message("t5", "transfer-clientApproved", name, Map.of("trStatus", "clientApproved")));

        domains.poller.drain(domains.registry);

        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.COMPLETED);
        assertThat(domains.funding.find(key).orElseThrow().state()).isEqualTo(FundingHold.State.CAPTURED);
        DomainRecord record = domains.store.find(name).orElseThrow();
        assertThat(record.state()).isEqualTo(State.ACTIVE);
        assertThat(record.customerId()).isEqualTo("bo");
        assertThat(record.expiresAt()).isEqualTo(EXPIRY);
    }

    @DbTest
    void ourTransferRejectedByTheLosingRegistrarReleasesTheHold(Database db) throws Exception {
        DomainName name = Domains.unique("refused-transfer");
        IdempotencyKey key = Domains.key("transfer");
        domains.registry.answer(name, Outcome.pending(null, key.value(), "awaiting the losing registrar"));
        domains.operations.perform(domains.transfer("bo", name, key));
        domains.registry.enqueue(message("t6", "transfer-clientRejected", name, Map.of("trStatus", "clientRejected")));

        domains.poller.drain(domains.registry);

        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.FAILED);
        assertThat(domains.funding.find(key).orElseThrow().state()).isEqualTo(FundingHold.State.RELEASED);
        assertThat(domains.store.find(name).orElseThrow().state()).isEqualTo(State.REJECTED);
    }

    @DbTest
    void aDeletedDomainIsRecordedDeleted(Database db) throws Exception {
        DomainName name = Domains.unique("gone");
        domains.operations.perform(domains.create("anna", name, Domains.key("create")));
        domains.registry.enqueue(message("x1", "domain-deleted", name, Map.of()));

        domains.poller.drain(domains.registry);

        assertThat(domains.store.find(name).orElseThrow().state()).isEqualTo(State.DELETED);
    }

    @DbTest
    void anUnknownKindIsKeptForTheOperatorAndAcknowledged(Database db) {
        domains.registry.enqueue(new RegistryMessage("u1", null, "message", "Registry maintenance on Sunday", null, Map.of()));

        domains.poller.drain(domains.registry);

        assertThat(domains.registry.acknowledged).containsExactly("u1");
        RegistryMessages.Stored stored = domains.messages.find("scripted", "u1").orElseThrow();
        assertThat(stored.outcome()).isEqualTo("unknown kind");
        assertThat(stored.text()).isEqualTo("Registry maintenance on Sunday");
        assertThat(domains.messages.latest(10)).extracting(RegistryMessages.Stored::messageId).contains("u1");
    }

    @DbTest
    void aMessageDeliveredTwiceIsAppliedOnce(Database db) throws Exception {
        DomainName name = Domains.unique("twice");
        IdempotencyKey key = pendingCreate(name);
        RegistryMessage approved = message("d1", "create-approved", name, Map.of("paTRID", key.value()));
        domains.registry.enqueue(approved);
        domains.poller.drain(domains.registry);
        Instant appliedAt = domains.messages.find("scripted", "d1").orElseThrow().appliedAt();

        clock.advance(java.time.Duration.ofMinutes(5));
        domains.registry.enqueue(approved); // the registry sends it again
        RegistryPoller.Run again = domains.poller.drain(domains.registry);

        assertThat(again).isEqualTo(new RegistryPoller.Run(1, 0, 1, true));
        assertThat(domains.messages.find("scripted", "d1").orElseThrow().appliedAt()).isEqualTo(appliedAt);
        assertThat(domains.funding.captures()).isEqualTo(1);
        assertThat(domains.registry.acknowledged).containsExactly("d1", "d1");
    }

    @DbTest
    void aFailedAcknowledgementIsRetriedWithoutApplyingAgain(Database db) throws Exception {
        DomainName name = Domains.unique("ack-lost");
        IdempotencyKey key = pendingCreate(name);
        domains.registry.enqueue(message("c1", "create-approved", name, Map.of("paTRID", key.value())));
        domains.registry.failNextAcknowledgements(1);

        RegistryPoller.Run crashed = domains.poller.drain(domains.registry);

        assertThat(crashed).isEqualTo(new RegistryPoller.Run(1, 1, 0, false));
        assertThat(domains.registry.queued()).as("not acknowledged: still queued").isEqualTo(1);
        assertThat(domains.messages.find("scripted", "c1").orElseThrow().acknowledgedAt()).isNull();
        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.COMPLETED);

        RegistryPoller.Run next = domains.poller.drain(domains.registry);

        assertThat(next).isEqualTo(new RegistryPoller.Run(1, 0, 1, true));
        assertThat(domains.registry.queued()).isZero();
        assertThat(domains.funding.captures()).isEqualTo(1);
        assertThat(domains.messages.find("scripted", "c1").orElseThrow().acknowledgedAt()).isNotNull();
    }

    @DbTest
    void aCrashAfterApplyingBeforeMarkingIsHarmless(Database db) throws Exception {
        DomainName name = Domains.unique("crash");
        IdempotencyKey key = pendingCreate(name);
        RegistryMessage approved = message("c2", "create-approved", name, Map.of("paTRID", key.value()));
        // the process applied the message (operation settled) and died before marking it applied or acknowledging
        domains.messages.receive("scripted", approved);
        domains.operations.settle(key, Outcome.processed(null, "sv-1"));
        domains.registry.enqueue(approved);

        domains.poller.drain(domains.registry);

        assertThat(domains.funding.captures()).isEqualTo(1);
        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.COMPLETED);
        assertThat(domains.messages.find("scripted", "c2").orElseThrow().applied()).isTrue();
        assertThat(domains.registry.acknowledged).containsExactly("c2");
    }

    @DbTest
    void aMessageThatCannotBeAppliedIsKeptAndTheJanitorSettlesTheOperation(Database db) throws Exception {
        DomainName name = Domains.unique("no-funding");
        IdempotencyKey key = pendingCreate(name);
        domains.extensions.clear();
        domains.extensions.add("scripted-registry", org.kontor.api.registry.DomainRegistry.class, domains.registry);
        domains.registry.enqueue(message("f1", "create-approved", name, Map.of("paTRID", key.value())));

        domains.poller.drain(domains.registry);

        assertThat(domains.messages.find("scripted", "f1").orElseThrow().outcome()).startsWith("failed:");
        assertThat(domains.registry.acknowledged).containsExactly("f1");
        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.UNSETTLED);

        domains.extensions.add("memory-funding", org.kontor.api.funding.FundingSource.class, domains.funding);
        domains.registry.status(key, Outcome.processed(null, "sv-9"));
        domains.janitor.settleOpenOperations();

        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.COMPLETED);
        assertThat(domains.funding.captures()).isEqualTo(1);
        assertThat(domains.store.find(name).orElseThrow().state()).isEqualTo(State.ACTIVE);
    }

    @DbTest
    void aRunStopsAtItsCapAndTheNextRunTakesTheRest(Database db) {
        for (int i = 0; i < 5; i++) {
            domains.registry.enqueue(new RegistryMessage("n" + i, null, "message", "notice " + i, null, Map.of()));
        }
        RegistryPoller capped = new RegistryPoller(domains.messages, domains.store, domains.operations, 3);

        assertThat(capped.drain(domains.registry)).isEqualTo(new RegistryPoller.Run(3, 3, 3, false));
        assertThat(capped.drain(domains.registry)).isEqualTo(new RegistryPoller.Run(2, 2, 2, true));
        assertThat(domains.registry.queued()).isZero();
    }

    @DbTest
    void theJobsAreOnePerPollingRegistry(Database db) {
        RegistryPollJobs jobs = new RegistryPollJobs(domains.extensions, domains.poller, java.time.Duration.ofMinutes(1));

        assertThat(jobs.jobs()).extracting(org.kontor.api.job.ScheduledJob::name).containsExactly("registry-poll:scripted");
    }

    @DbTest
    void aRegistryThatIsNotConfiguredIsLeftOutAndTheOthersArePolled(Database db) {
        org.kontor.api.registry.DomainRegistry unconfigured = (org.kontor.api.registry.DomainRegistry)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.kontor.api.registry.DomainRegistry.class}, (proxy, method, args) -> {
                            throw new IllegalStateException("setting 'registry.id' is not configured");
                        });
        domains.extensions.add("unconfigured-registry", org.kontor.api.registry.DomainRegistry.class, unconfigured);
        RegistryPollJobs jobs = new RegistryPollJobs(domains.extensions, domains.poller, java.time.Duration.ofMinutes(1));

        assertThat(jobs.jobs()).extracting(org.kontor.api.job.ScheduledJob::name).containsExactly("registry-poll:scripted");
    }
}
