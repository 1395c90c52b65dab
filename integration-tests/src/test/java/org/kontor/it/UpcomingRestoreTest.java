package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingSource;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.portfolio.RestorableDomain;
import org.kontor.api.portfolio.RestoreRequest;
import org.kontor.api.portfolio.RestoreResult;
import org.kontor.api.portfolio.UnknownDomainException;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.database.Database;
import org.kontor.host.domains.DomainPrices;
import org.kontor.host.domains.DomainStore;
import org.kontor.host.domains.HostPortfolio;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.provisioning.DomainOperationRequest;
import org.kontor.host.provisioning.DomainOperationStore;
import org.kontor.host.provisioning.DomainOperations;
import org.kontor.host.provisioning.OperationState;
import org.kontor.host.provisioning.ProvisioningTargets;
import org.kontor.host.provisioning.RegistryCommand;
import org.kontor.plugins.prepaidaccount.PrepaidFunding;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.plugins.prepaidaccount.upcoming.UpcomingPayments;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;
import org.kontor.testkit.registry.Reaction;
import org.kontor.testkit.registry.TableRegistry;
import org.slf4j.LoggerFactory;

/**
 * PA-6 end to end below the web layer: a reseller's domain in redemption, restored from the real prepaid ledger
 * through the host's portfolio and domain operations against a registry double — drawn once for one form key, also
 * at the same moment; refused without a hold when the available balance (not the credit line) does not cover it;
 * parked uncharged on the registry's 2104.
 */
@DatabaseTest(migrateHost = true, plugins = "prepaid-account")
class UpcomingRestoreTest {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final TestClock clock = TestClock.at(Instant.parse("2026-01-15T08:00:00Z"));
    private Ledger ledger;
    private TableRegistry registry;
    private DomainOperations operations;
    private DomainStore domains;
    private HostPortfolio portfolio;
    private UpcomingPayments upcoming;
    private String n;

    @BeforeEach
    void setUp(Database db) {
        ledger = new Ledger(db.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72));
        FundingSource funding = new PrepaidFunding(TestPluginContext.of("prepaid-account", db.jdbi(), clock));
        registry = new TableRegistry(db.jdbi(), "sandbox", Set.of(Tld.of("dk")), clock);
        ProvisioningTargets targets = new ProvisioningTargets(new FakeExtensions()
                .add("prepaid-account", FundingSource.class, funding)
                .add("sandbox-registry", DomainRegistry.class, registry));
        DomainOperationStore store = new DomainOperationStore(db.jdbi(), clock);
        operations = new DomainOperations(store, targets);
        domains = store.domains();
        DomainPrices prices = new DomainPrices(db.jdbi(), clock);
        prices.set(Tld.of("dk"), ChargeKind.DOMAIN_RESTORE, dkk("250.00"));
        portfolio = new HostPortfolio(domains, prices, operations, targets, HostPortfolio.TerminatePolicy.EXPIRE, clock);
        upcoming = new UpcomingPayments(db.jdbi(), clock, Optional.of(portfolio), ledger, Duration.ofDays(10),
                new RecordingMailer(), new PluginMessages(UpcomingPayments.class.getClassLoader()),
                LoggerFactory.getLogger("test"));
        n = SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        ledger.createScheme("dkk-" + n, "DKK", DKK, dkk("0"), true, dkk("500"));
    }

    /** An active account with a credit line of 500 DKK and {@code deposit} on it. */
    private Account reseller(String name, String deposit) {
        Account account = ledger.activate(ledger.apply(name + "-" + n, "dkk-" + n).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + account.id(), dkk(deposit), null, "operator");
        return now(account);
    }

    /** Registers a domain for the reseller, paid from the account (100 DKK), which the registry then deletes. */
    private DomainName inRedemption(Account account, String label) throws Exception {
        DomainName name = DomainName.of(label + "-" + n + ".dk");
        assertThat(operations.perform(new DomainOperationRequest(account.ownerId(), "prepaid-account", dkk("100"),
                RegistryCommand.of(RegisterDomain.of(IdempotencyKey.of("create-" + name.ascii()), name, Period.years(1),
                        new ContactHandle("H1"), List.of())))).state()).isEqualTo(OperationState.COMPLETED);
        boolean moved = domains.jdbi().inTransaction(h -> domains.redemption(h, name, clock.instant().plus(Duration.ofDays(30)),
                "test"));
        assertThat(moved).isTrue();
        return name;
    }

    private Account now(Account account) {
        return ledger.account(account.id()).orElseThrow();
    }

    private long restoreCharges(Account account) {
        return ledger.entries(account.id(), EntryFilter.latest(100)).stream()
                .filter(e -> e.kind() == EntryKind.CHARGE && e.amount().equals(dkk("-250.00"))).count();
    }

    private State state(DomainName name) {
        return domains.find(name).orElseThrow().state();
    }

    @DbTest
    void restorePostedTwiceDrawsTheListedPriceOnce(Database db) throws Exception {
        Account anna = reseller("anna", "1000");
        DomainName name = inRedemption(anna, "twice");
        List<RestorableDomain> listed = upcoming.restorable(now(anna));
        assertThat(listed).extracting(r -> r.domain().name()).containsExactly(name);
        assertThat(listed.get(0).price()).isEqualTo(dkk("250.00"));
        assertThat(listed.get(0).restoreBy()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));

        RestoreResult first = upcoming.restore(now(anna), name, "form-key-1");
        RestoreResult second = upcoming.restore(now(anna), name, "form-key-1");

        assertThat(first.status()).isEqualTo(RestoreResult.Status.COMPLETED);
        assertThat(second.status()).isEqualTo(RestoreResult.Status.COMPLETED);
        assertThat(restoreCharges(anna)).isEqualTo(1);
        assertThat(now(anna).balance()).isEqualTo(dkk("650.00"));
        assertThat(registry.arrivals(name)).as("create and one restore").isEqualTo(2);
        assertThat(state(name)).isEqualTo(State.ACTIVE);
        assertThat(upcoming.restorable(now(anna))).isEmpty();
        assertThat(new Reconciliation(db.jdbi(), clock).run().problems()).isEmpty();
    }

    @DbTest
    void aDoubleClickAtTheSameMomentRestoresOnce(Database db) throws Exception {
        Account anna = reseller("anna", "1000");
        DomainName name = inRedemption(anna, "double-click");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RestoreResult>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<RestoreResult> click = () -> {
                    start.await();
                    return upcoming.restore(now(anna), name, "same-form");
                };
                clicks.add(pool.submit(click));
            }
            start.countDown();
            for (Future<RestoreResult> click : clicks) {
                assertThat(click.get().status()).isIn(RestoreResult.Status.COMPLETED, RestoreResult.Status.PENDING);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(restoreCharges(anna)).isEqualTo(1);
        assertThat(now(anna).balance()).isEqualTo(dkk("650.00"));
        assertThat(registry.arrivals(name)).isEqualTo(2);
        assertThat(new Reconciliation(db.jdbi(), clock).run().problems()).isEmpty();
    }

    @DbTest
    void theCreditLineDoesNotPayARestoreAndNothingIsHeld(Database db) throws Exception {
        Account anna = reseller("anna", "150");
        DomainName name = inRedemption(anna, "short");
        assertThat(now(anna).balance()).isEqualTo(dkk("50.00"));

        assertThatThrownBy(() -> upcoming.restore(now(anna), name, "form-key"))
                .isInstanceOfSatisfying(InsufficientFundsException.class,
                        e -> assertThat(e.missing()).isEqualTo(dkk("200.00")));
        IdempotencyKey direct = IdempotencyKey.of("restore-direct-" + n);
        assertThatThrownBy(() -> portfolio.restore(new RestoreRequest(direct, anna.ownerId(), name, "prepaid-account", DKK)))
                .as("the ledger's own check under the account's lock")
                .isInstanceOfSatisfying(InsufficientFundsException.class,
                        e -> assertThat(e.missing()).isEqualTo(dkk("200.00")));

        assertThat(ledger.holds(anna.id(), FundingHold.State.ACTIVE)).isEmpty();
        assertThat(now(anna).balance()).isEqualTo(dkk("50.00"));
        assertThat(registry.arrivals(name)).as("the create only").isEqualTo(1);
        assertThat(state(name)).isEqualTo(State.REDEMPTION);
    }

    @DbTest
    void aBillingFailureAtTheRegistryParksTheRestoreUncharged(Database db) throws Exception {
        Account anna = reseller("anna", "1000");
        DomainName name = inRedemption(anna, "billing");
        registry.react(name, Reaction.refused("2104", "Billing failure"));

        RestoreResult result = upcoming.restore(now(anna), name, "form-key");

        assertThat(result.status()).isEqualTo(RestoreResult.Status.HELD_FOR_REVIEW);
        assertThat(restoreCharges(anna)).isZero();
        assertThat(ledger.holds(anna.id(), FundingHold.State.ACTIVE)).isEmpty();
        assertThat(now(anna).balance()).isEqualTo(dkk("900.00"));
        assertThat(state(name)).isEqualTo(State.REDEMPTION);
        assertThat(new Reconciliation(db.jdbi(), clock).run().problems()).isEmpty();
    }

    @DbTest
    void aResellerCannotRestoreAnothersDomain(Database db) throws Exception {
        Account anna = reseller("anna", "1000");
        Account bo = reseller("bo", "1000");
        DomainName annas = inRedemption(anna, "annas");

        assertThat(upcoming.restorable(now(bo))).isEmpty();
        assertThatThrownBy(() -> upcoming.restore(now(bo), annas, "k")).isInstanceOf(UnknownDomainException.class);
        assertThat(now(bo).balance()).isEqualTo(dkk("1000.00"));
        assertThat(state(annas)).isEqualTo(State.REDEMPTION);
    }

    private static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }
}
