package org.kontor.host.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kontor.host.domains.ScriptedRegistry.dkk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.portfolio.RestorableDomain;
import org.kontor.api.portfolio.RestoreRequest;
import org.kontor.api.portfolio.RestoreResult;
import org.kontor.api.portfolio.UnknownDomainException;
import org.kontor.api.registry.DomainRegistration;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.database.Database;
import org.kontor.host.provisioning.OperationState;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * PA-6 in the host's portfolio: a customer's domain in redemption is restored once per key at the restore price,
 * paid from the funding source only when its funds cover it; anything else is refused and nothing is charged.
 */
@DatabaseTest(migrateHost = true)
class HostPortfolioRestoreTest {

    private static final Currency DKK = Currency.getInstance("DKK");

    private final TestClock clock = TestClock.at(Instant.parse("2026-12-20T12:00:00Z"));
    private Domains domains;

    @BeforeEach
    void setUp(Database db) {
        Domains.clear(db);
        domains = new Domains(db, clock);
        domains.prices.set(Tld.of("dk"), ChargeKind.DOMAIN_RESTORE, dkk("250.00"));
    }

    /** A domain of the customer, registered through a domain operation and then deleted into redemption. */
    private DomainName inRedemption(String customer, String label, Instant restoreUntil) throws Exception {
        DomainName name = Domains.unique(label);
        domains.operations.perform(domains.create(customer, name, Domains.key("create")));
        boolean moved = domains.store.jdbi().inTransaction(h -> domains.store.redemption(h, name, restoreUntil, "test"));
        assertThat(moved).isTrue();
        return name;
    }

    private RestoreRequest restore(IdempotencyKey key, String customer, DomainName name) {
        return new RestoreRequest(key, customer, name, domains.funding.sourceId(), DKK);
    }

    private State state(DomainName name) {
        return domains.store.find(name).orElseThrow().state();
    }

    @DbTest
    void aDomainInRedemptionIsListedAndRestoredAtTheRestorePrice(Database db) throws Exception {
        Instant until = clock.instant().plus(Duration.ofDays(25));
        DomainName name = inRedemption("anna", "lapsed", until);
        domains.portfolio.terminate("anna", name);
        domains.funding.deposit("anna", dkk("1000.00"));

        List<RestorableDomain> restorable = domains.portfolio.restorable("anna", DKK);
        assertThat(restorable).hasSize(1);
        assertThat(restorable.get(0).domain().name()).isEqualTo(name);
        assertThat(restorable.get(0).domain().restorable()).isTrue();
        assertThat(restorable.get(0).restoreBy()).isEqualTo(until);
        assertThat(restorable.get(0).price()).isEqualTo(dkk("250.00"));
        assertThat(domains.portfolio.restorePrice(name, DKK)).contains(dkk("250.00"));

        RestoreResult result = domains.portfolio.restore(restore(Domains.key("restore"), "anna", name));

        assertThat(result.status()).isEqualTo(RestoreResult.Status.COMPLETED);
        assertThat(result.amount()).isEqualTo(dkk("250.00"));
        assertThat(domains.funding.balance("anna")).isEqualTo(dkk("750.00"));
        PortfolioDomain restored = domains.portfolio.find("anna", name).orElseThrow();
        assertThat(restored.state()).isEqualTo(State.ACTIVE);
        assertThat(restored.terminated()).as("paid to keep it: not terminated any more").isFalse();
        assertThat(domains.store.find(name).orElseThrow().restoreUntil()).isNull();
        assertThat(domains.portfolio.restorable("anna", DKK)).isEmpty();
    }

    @DbTest
    void aRedemptionPollMessageMakesTheDomainRestorableUntilTheRegistrysDeadline(Database db) throws Exception {
        DomainName name = Domains.unique("polled");
        domains.operations.perform(domains.create("anna", name, Domains.key("create")));
        Instant until = Instant.parse("2027-01-19T12:00:00Z");
        domains.registry.enqueue(new RegistryMessage("r1", clock.instant(), "domain-redemption", "deleted", name,
                Map.of("restoreUntil", until.toString())));
        domains.registry.enqueue(new RegistryMessage("r2", clock.instant(), "domain-redemption", "deleted",
                Domains.unique("unknown"), Map.of("restoreUntil", "soon")));

        domains.poller.drain(domains.registry);

        assertThat(state(name)).isEqualTo(State.REDEMPTION);
        assertThat(domains.portfolio.restorable("anna", DKK)).extracting(RestorableDomain::restoreBy).containsExactly(until);
        assertThat(domains.portfolio.restore(restore(Domains.key("restore"), "anna", name)).status())
                .isEqualTo(RestoreResult.Status.COMPLETED);
        assertThat(state(name)).isEqualTo(State.ACTIVE);
    }

    @DbTest
    void anActiveDomainIsNotRestorable(Database db) throws Exception {
        DomainName name = Domains.unique("active");
        domains.operations.perform(domains.create("anna", name, Domains.key("create")));
        int calls = domains.registry.billableCalls.get();
        IdempotencyKey key = Domains.key("restore");

        assertThatThrownBy(() -> domains.portfolio.restore(restore(key, "anna", name)))
                .isInstanceOf(UnknownDomainException.class).hasMessageContaining("not in redemption");

        assertThat(domains.registry.billableCalls.get()).isEqualTo(calls);
        assertThat(domains.operations.find(key)).isEmpty();
        assertThat(domains.portfolio.restorable("anna", DKK)).isEmpty();
    }

    @DbTest
    void anotherCustomersDomainInRedemptionLooksUnknown(Database db) throws Exception {
        DomainName bos = inRedemption("bo", "bos", null);
        int calls = domains.registry.billableCalls.get();

        assertThat(domains.portfolio.restorable("anna", DKK)).isEmpty();
        assertThatThrownBy(() -> domains.portfolio.restore(restore(Domains.key("restore"), "anna", bos)))
                .isInstanceOf(UnknownDomainException.class).hasMessage("you have no domain " + bos.unicode());

        assertThat(domains.registry.billableCalls.get()).isEqualTo(calls);
        assertThat(state(bos)).isEqualTo(State.REDEMPTION);
        assertThat(domains.portfolio.restorable("bo", DKK)).extracting(r -> r.domain().name()).containsExactly(bos);
        assertThat(domains.portfolio.restorable("bo", DKK).get(0).restoreBy()).as("not known").isNull();
    }

    @DbTest
    void fundsThatDoNotCoverTheRestoreAreRefusedWithTheMissingAmountAndNothingHeld(Database db) throws Exception {
        DomainName name = inRedemption("anna", "short", null);
        domains.funding.deposit("anna", dkk("100.00"));
        int calls = domains.registry.billableCalls.get();
        IdempotencyKey key = Domains.key("restore");

        assertThatThrownBy(() -> domains.portfolio.restore(restore(key, "anna", name)))
                .isInstanceOfSatisfying(InsufficientFundsException.class,
                        e -> assertThat(e.missing()).isEqualTo(dkk("150.00")));

        assertThat(domains.funding.find(key)).as("nothing held").isEmpty();
        assertThat(domains.funding.balance("anna")).isEqualTo(dkk("100.00"));
        assertThat(domains.registry.billableCalls.get()).as("the registry was not called").isEqualTo(calls);
        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.REFUSED);
        assertThat(state(name)).isEqualTo(State.REDEMPTION);
    }

    @DbTest
    void aBillingFailureAtTheRegistryParksTheRestoreAndChargesNothing(Database db) throws Exception {
        DomainName name = inRedemption("anna", "billing", null);
        domains.funding.deposit("anna", dkk("1000.00"));
        domains.registry.answer(name, Outcome.error("2104", "Billing failure"));
        long captures = domains.funding.captures();
        IdempotencyKey key = Domains.key("restore");

        RestoreResult result = domains.portfolio.restore(restore(key, "anna", name));

        assertThat(result.status()).isEqualTo(RestoreResult.Status.HELD_FOR_REVIEW);
        assertThat(domains.operations.find(key).orElseThrow().state()).isEqualTo(OperationState.HELD_FOR_REVIEW);
        assertThat(domains.funding.find(key).orElseThrow().state()).isEqualTo(FundingHold.State.RELEASED);
        assertThat(domains.funding.captures()).isEqualTo(captures);
        assertThat(domains.funding.balance("anna")).isEqualTo(dkk("1000.00"));
        assertThat(state(name)).isEqualTo(State.REDEMPTION);

        // the registrar account was topped up: a fresh page's key restores it
        domains.registry.answer(name, Outcome.processed(DomainRegistration.of(name, null, null, null), "restored"));
        assertThat(domains.portfolio.restore(restore(Domains.key("restore-again"), "anna", name)).status())
                .isEqualTo(RestoreResult.Status.COMPLETED);
        assertThat(domains.funding.balance("anna")).isEqualTo(dkk("750.00"));
        assertThat(state(name)).isEqualTo(State.ACTIVE);
    }

    @DbTest
    void theSameKeyPostedTwiceRestoresOnce(Database db) throws Exception {
        DomainName name = inRedemption("anna", "twice", null);
        domains.funding.deposit("anna", dkk("1000.00"));
        int calls = domains.registry.billableCalls.get();
        IdempotencyKey key = Domains.key("restore-click");

        RestoreResult first = domains.portfolio.restore(restore(key, "anna", name));
        RestoreResult second = domains.portfolio.restore(restore(key, "anna", name));

        assertThat(first.status()).isEqualTo(RestoreResult.Status.COMPLETED);
        assertThat(second.status()).isEqualTo(RestoreResult.Status.COMPLETED);
        assertThat(second.amount()).isEqualTo(dkk("250.00"));
        assertThat(domains.registry.billableCalls.get()).isEqualTo(calls + 1);
        assertThat(domains.funding.balance("anna")).isEqualTo(dkk("750.00"));
        assertThatThrownBy(() -> domains.portfolio.restore(restore(Domains.key("restore-later"), "anna", name)))
                .as("restored: a new key finds nothing to restore").isInstanceOf(UnknownDomainException.class);
    }

    @DbTest
    void twoPostsAtTheSameMomentRestoreOnce(Database db) throws Exception {
        DomainName name = inRedemption("anna", "double-click", null);
        domains.funding.deposit("anna", dkk("1000.00"));
        int calls = domains.registry.billableCalls.get();
        IdempotencyKey key = Domains.key("restore-same-form");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RestoreResult>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clicks.add(pool.submit(() -> {
                    start.await();
                    return domains.portfolio.restore(restore(key, "anna", name));
                }));
            }
            start.countDown();
            for (Future<RestoreResult> click : clicks) {
                assertThat(click.get().status()).isIn(RestoreResult.Status.COMPLETED, RestoreResult.Status.PENDING);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(domains.registry.billableCalls.get()).isEqualTo(calls + 1);
        assertThat(domains.funding.balance("anna")).isEqualTo(dkk("750.00"));
        assertThat(state(name)).isEqualTo(State.ACTIVE);
    }

    @DbTest
    void aRestoreWithoutPriceIsNotPossibleAndAKeyOfAnotherOperationIsRefused(Database db) throws Exception {
        DomainName name = inRedemption("anna", "unpriced", null);
        db.jdbi().useHandle(h -> h.execute("DELETE FROM domain_price"));

        assertThat(domains.portfolio.restorable("anna", DKK).get(0).price()).isNull();
        assertThatThrownBy(() -> domains.portfolio.restore(restore(Domains.key("restore"), "anna", name)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no restore price");

        IdempotencyKey createKey = Domains.key("create-other");
        domains.operations.perform(domains.create("anna", Domains.unique("other"), createKey));
        assertThatThrownBy(() -> domains.portfolio.restore(restore(createKey, "anna", name)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
