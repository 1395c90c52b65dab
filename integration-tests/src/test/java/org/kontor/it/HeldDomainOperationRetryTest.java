package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestPluginContext;

/**
 * A domain operation the sandbox registry refused with 2104 (the registrar's own balance there is short) is parked
 * for review (ADM-9); once the operator topped up at the registry and released it in the clearing center, the same
 * operation (same key, nothing recorded or held twice) is sent again and completes. The registry sees a new clTRID
 * derived from the key: it answers a repeated clTRID with the stored refusal. One whose money was given back when it
 * was parked cannot be sent again and is rejected.
 */
@DatabaseTest(migrateHost = true, plugins = {"prepaid-account", "sandbox-registry"})
class HeldDomainOperationRetryTest {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Clock clock = Clock.systemUTC();
    private Ledger ledger;
    private FundingSource funding;
    private DomainOperations operations;
    private String owner;

    private void setUp(Database db, DomainRegistry registry) {
        ledger = new Ledger(db.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72));
        funding = new PrepaidFunding(TestPluginContext.of("prepaid-account", db.jdbi(), clock));
        operations = new DomainOperations(new DomainOperationStore(db.jdbi(), clock), new ProvisioningTargets(
                new FakeExtensions().add("prepaid-account", FundingSource.class, funding)
                        .add("epp-registry", DomainRegistry.class, registry)));
        String scheme = "held-dkk-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        ledger.createScheme(scheme, "DKK resellers", Currency.getInstance("DKK"), dkk("0"), true, dkk("0"));
        owner = "held-reseller-" + scheme;
        Account account = ledger.activate(ledger.apply(owner, scheme).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + owner, dkk("1000"), null, "operator");
    }

    @DbTest
    void aReleasedOperationIsSentAgainUnderItsKeyAndCompletes(Database db) throws Exception {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("10.00", "DKK"));
             EppRegistryExtension registry = sandbox.extension(db, clock)) {
            setUp(db, registry);
            DomainName name = DomainName.of(sandbox.domain("retry"));
            DomainOperationRequest request = register(name, dkk("0"));

            DomainOperation parked = operations.perform(request);
            assertThat(parked.state()).isEqualTo(OperationState.HELD_FOR_REVIEW);
            assertThat(parked.outcomeCode()).isEqualTo("2104");
            assertThat(operations.retryable(parked)).isTrue();
            assertThat(operations.heldForReview()).extracting(DomainOperation::key).contains(parked.key());
            assertThatThrownBy(() -> operations.retry(parked.key(), transaction -> register(
                    DomainName.of(sandbox.domain("other")), transaction))).as("only the operation's own command")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> operations.retry(parked.key(), transaction -> request.command()))
                    .as("not under the clTRID the registry refused").isInstanceOf(IllegalArgumentException.class);
            assertThat(operations.find(parked.key()).orElseThrow().state()).isEqualTo(OperationState.HELD_FOR_REVIEW);
            IdempotencyKey transaction = DomainOperations.retryKey(parked);

            db.jdbi().useHandle(h -> h.createUpdate(
                            "UPDATE sandbox_registry_balance SET balance_minor = 100000 WHERE registrar = :r")
                    .bind("r", sandbox.registrar).execute());
            DomainOperation retried = operations.retry(parked.key(), key -> register(name, key));

            assertThat(retried.state()).as(String.valueOf(retried.outcomeMessage())).isEqualTo(OperationState.COMPLETED);
            assertThat(retried.key()).isEqualTo(request.command().key());
            assertThat(sandbox.registry.find(name.ascii()).orElseThrow().registrar()).isEqualTo(sandbox.registrar);
            assertThat(transaction.value()).startsWith(request.command().key().value() + ":r");
            List<String> answers = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT cl_trid || ' ' || result_code FROM sandbox_registry_transaction WHERE registrar = :r "
                                    + "AND command LIKE '%create%' AND cl_trid LIKE :k ORDER BY processed_at")
                    .bind("r", sandbox.registrar).bind("k", request.command().key().value() + "%")
                    .mapTo(String.class).list());
            assertThat(answers).as("refused under the key, done under the retry's transaction id")
                    .containsExactly(request.command().key().value() + " 2104", transaction.value() + " 1000");
            int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM domain_operation WHERE domain = :d")
                    .bind("d", name.ascii()).mapTo(Integer.class).one());
            assertThat(rows).as("still one operation").isEqualTo(1);
            assertThat(operations.heldForReview()).extracting(DomainOperation::key).doesNotContain(parked.key());
            assertThatThrownBy(() -> operations.retry(parked.key(), key -> register(name, key)))
                    .as("decided already").isInstanceOf(IllegalStateException.class);
        }
    }

    @DbTest
    void anOperationWhoseHoldWasGivenBackCannotBeSentAgainAndIsRejected(Database db) throws Exception {
        try (EppSandbox sandbox = EppSandbox.start(db, Money.of("10.00", "DKK"));
             EppRegistryExtension registry = sandbox.extension(db, clock)) {
            setUp(db, registry);
            DomainName name = DomainName.of(sandbox.domain("paid"));
            DomainOperationRequest request = register(name, dkk("100"));

            DomainOperation parked = operations.perform(request);
            assertThat(parked.state()).isEqualTo(OperationState.HELD_FOR_REVIEW);
            assertThat(funding.find(parked.key()).orElseThrow().state()).isEqualTo(FundingHold.State.RELEASED);
            assertThat(operations.retryable(parked)).isFalse();
            assertThatThrownBy(() -> operations.retry(parked.key(), key -> register(name, key)))
                    .isInstanceOf(IllegalStateException.class);

            DomainOperation rejected = operations.reject(parked.key(), "the customer ordered again");

            assertThat(rejected.state()).isEqualTo(OperationState.FAILED);
            assertThat(rejected.outcomeMessage()).isEqualTo("rejected after review: the customer ordered again");
            assertThat(funding.find(parked.key()).orElseThrow().state()).isEqualTo(FundingHold.State.RELEASED);
            assertThat(sandbox.registry.find(name.ascii())).isEmpty();
            assertThatThrownBy(() -> operations.reject(parked.key(), "again")).isInstanceOf(IllegalStateException.class);
        }
    }

    private static RegistryCommand register(DomainName name, IdempotencyKey key) {
        return RegistryCommand.of(RegisterDomain.of(key, name, Period.years(1), new ContactHandle("H1"), List.of()));
    }

    private DomainOperationRequest register(DomainName name, Money price) {
        return new DomainOperationRequest(owner, "prepaid-account", price, RegistryCommand.of(RegisterDomain.of(
                IdempotencyKey.of("create-" + name.ascii()), name, Period.years(1), new ContactHandle("H1"), List.of())));
    }

    private static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }
}
