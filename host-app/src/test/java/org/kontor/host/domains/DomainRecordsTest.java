package org.kontor.host.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.database.Database;
import org.kontor.host.provisioning.OperationState;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** A domain's record changes with the operation that changes it, on the live path and the janitor's. */
@DatabaseTest(migrateHost = true)
class DomainRecordsTest {

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-01T12:00:00Z"));
    private Domains domains;

    @BeforeEach
    void setUp(Database db) {
        Domains.clear(db);
        domains = new Domains(db, clock);
    }

    @DbTest
    void aCompletedCreateRecordsAnActiveDomainWithTheRegistrysDates(Database db) throws Exception {
        DomainName name = Domains.unique("fresh");

        assertThat(domains.operations.perform(domains.create("anna", name, Domains.key("create"))).state())
                .isEqualTo(OperationState.COMPLETED);

        DomainRecord record = domains.store.find(name).orElseThrow();
        assertThat(record.state()).isEqualTo(State.ACTIVE);
        assertThat(record.customerId()).isEqualTo("anna");
        assertThat(record.registryId()).isEqualTo("scripted");
        assertThat(record.createdAt()).isEqualTo(ScriptedRegistry.CREATED);
        assertThat(record.expiresAt()).isEqualTo(Instant.parse("2027-01-10T10:00:00Z"));
        assertThat(record.registryReference()).isEqualTo("ROID-" + name.ascii());
        assertThat(record.autoRenew()).isTrue();
    }

    @DbTest
    void anIdnIsKeyedByItsALabelAndKeepsItsUnicodeForm(Database db) throws Exception {
        DomainName name = DomainName.of("blåbær-" + System.nanoTime() + ".dk");

        domains.operations.perform(domains.create("anna", name, Domains.key("idn")));

        String unicode = db.jdbi().withHandle(h -> h.createQuery("SELECT unicode_name FROM domain WHERE name = :name")
                .bind("name", name.ascii()).mapTo(String.class).one());
        assertThat(name.ascii()).startsWith("xn--");
        assertThat(unicode).isEqualTo(name.unicode());
    }

    @DbTest
    void aPendingCreateIsRecordedPendingAndTurnsActiveWhenTheJanitorLearnsItWasDone(Database db) throws Exception {
        DomainName name = Domains.unique("later");
        IdempotencyKey key = Domains.key("create");
        domains.registry.answer(name, Outcome.pending(DomainRegistration.of(name, null, null, null), key.value(), "queued"));

        assertThat(domains.operations.perform(domains.create("anna", name, key)).state()).isEqualTo(OperationState.UNSETTLED);
        assertThat(domains.store.find(name).orElseThrow().state()).isEqualTo(State.PENDING_CREATE);
        assertThat(domains.store.find(name).orElseThrow().expiresAt()).isNull();

        Instant expiry = Instant.parse("2027-03-01T00:00:00Z");
        domains.registry.status(key, Outcome.processed(DomainRegistration.of(name, ScriptedRegistry.CREATED, expiry, "R-1"), key.value()));
        domains.janitor.settleOpenOperations();

        DomainRecord record = domains.store.find(name).orElseThrow();
        assertThat(record.state()).isEqualTo(State.ACTIVE);
        assertThat(record.expiresAt()).isEqualTo(expiry);
        assertThat(record.lastOperationKey()).isEqualTo(key.value());
    }

    @DbTest
    void aCreateTheRegistryRefusesLeavesNoRecord(Database db) throws Exception {
        DomainName name = Domains.unique("taken");
        domains.registry.answer(name, Outcome.error("2302", "Object exists"));

        assertThat(domains.operations.perform(domains.create("anna", name, Domains.key("create"))).state())
                .isEqualTo(OperationState.FAILED);

        assertThat(domains.store.find(name)).isEmpty();
    }

    @DbTest
    void aPendingCreateThatFailsLaterIsRejected(Database db) throws Exception {
        DomainName name = Domains.unique("refused-later");
        IdempotencyKey key = Domains.key("create");
        domains.registry.answer(name, Outcome.pending(null, key.value(), "queued"));
        domains.operations.perform(domains.create("anna", name, key));

        domains.registry.status(key, Outcome.error("2308", "refused by the registry's policy"));
        domains.janitor.settleOpenOperations();

        assertThat(domains.store.find(name).orElseThrow().state()).isEqualTo(State.REJECTED);
    }

    @DbTest
    void aRenewalMovesTheExpiry(Database db) throws Exception {
        DomainName name = Domains.unique("renewed");
        domains.operations.perform(domains.create("anna", name, Domains.key("create")));
        Instant before = domains.store.find(name).orElseThrow().expiresAt();

        domains.operations.perform(domains.renew("anna", name, LocalDate.ofInstant(before, ZoneOffset.UTC), Domains.key("renew")));

        assertThat(domains.store.find(name).orElseThrow().expiresAt())
                .isEqualTo(before.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
    }

    @DbTest
    void aRestoreMakesTheDomainActiveAgain(Database db) throws Exception {
        DomainName name = Domains.unique("restored");
        domains.operations.perform(domains.create("anna", name, Domains.key("create")));
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE domain SET state = 'REDEMPTION' WHERE name = :name")
                .bind("name", name.ascii()).execute());

        domains.operations.perform(domains.restore("anna", name, Domains.key("restore")));

        assertThat(domains.store.find(name).orElseThrow().state()).isEqualTo(State.ACTIVE);
    }

    @DbTest
    void aCompletedTransferMakesTheDomainActiveUnderTheNewCustomer(Database db) throws Exception {
        DomainName name = Domains.unique("moved");
        domains.operations.perform(domains.create("anna", name, Domains.key("create")));

        domains.operations.perform(domains.transfer("bo", name, Domains.key("transfer")));

        DomainRecord record = domains.store.find(name).orElseThrow();
        assertThat(record.state()).isEqualTo(State.ACTIVE);
        assertThat(record.customerId()).isEqualTo("bo");
        assertThat(record.expiresAt()).isEqualTo(Instant.parse("2028-01-10T10:00:00Z"));
        assertThat(domains.store.ofCustomer("anna")).extracting(DomainRecord::name).doesNotContain(name);
    }

    @DbTest
    void aPendingTransferIsRecordedPendingForTheNewCustomer(Database db) throws Exception {
        DomainName name = Domains.unique("incoming");
        IdempotencyKey key = Domains.key("transfer");
        domains.registry.answer(name, Outcome.pending(null, key.value(), "awaiting the losing registrar"));

        domains.operations.perform(domains.transfer("bo", name, key));

        DomainRecord record = domains.store.find(name).orElseThrow();
        assertThat(record.state()).isEqualTo(State.PENDING_TRANSFER);
        assertThat(record.customerId()).isEqualTo("bo");
    }
}
