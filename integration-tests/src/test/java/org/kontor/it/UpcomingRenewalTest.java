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
import org.kontor.api.funding.FundingSource;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.portfolio.RenewalResult;
import org.kontor.api.portfolio.UnknownDomainException;
import org.kontor.api.registry.ContactHandle;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.database.Database;
import org.kontor.host.domains.DomainPrices;
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
import org.kontor.plugins.prepaidaccount.ledger.AccountSettings;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.Reconciliation;
import org.kontor.plugins.prepaidaccount.upcoming.Upcoming;
import org.kontor.plugins.prepaidaccount.upcoming.UpcomingPayments;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;
import org.kontor.testkit.registry.TableRegistry;
import org.slf4j.LoggerFactory;

/**
 * PA-11 end to end below the web layer: the reseller's upcoming payments priced by the host, renewed through the
 * host's portfolio and domain operations against the real prepaid ledger and a registry double — money drawn once
 * for one form key or one expiry, however often it is asked for, also at the same moment.
 */
@DatabaseTest(migrateHost = true, plugins = "prepaid-account")
class UpcomingRenewalTest {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final TestClock clock = TestClock.at(Instant.parse("2026-01-15T08:00:00Z"));
    private Ledger ledger;
    private TableRegistry registry;
    private DomainOperations operations;
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
        DomainPrices prices = new DomainPrices(db.jdbi(), clock);
        prices.set(Tld.of("dk"), ChargeKind.DOMAIN_RENEW, dkk("89.00"));
        portfolio = new HostPortfolio(store.domains(), prices, operations, targets, HostPortfolio.TerminatePolicy.EXPIRE,
                clock);
        upcoming = new UpcomingPayments(db.jdbi(), clock, Optional.of(portfolio), ledger, Duration.ofDays(10),
                new RecordingMailer(), new PluginMessages(UpcomingPayments.class.getClassLoader()),
                LoggerFactory.getLogger("test"));
        n = SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        ledger.createScheme("dkk-" + n, "DKK", DKK, dkk("0"), true, dkk("0"));
    }

    private Account reseller(String name, boolean autoRenew) {
        Account account = ledger.activate(ledger.apply(name + "-" + n, "dkk-" + n).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + account.id(), dkk("1000"), null, "operator");
        return ledger.saveSettings(account.id(), new AccountSettings(null, null, true, autoRenew, "en"));
    }

    /** Registers a domain for the reseller, paid from the account (100 DKK); it expires a year later. */
    private DomainName registered(Account account, String label) throws Exception {
        DomainName name = DomainName.of(label + "-" + n + ".dk");
        assertThat(operations.perform(new DomainOperationRequest(account.ownerId(), "prepaid-account", dkk("100"),
                RegistryCommand.of(RegisterDomain.of(IdempotencyKey.of("create-" + name.ascii()), name, Period.years(1),
                        new ContactHandle("H1"), List.of())))).state()).isEqualTo(OperationState.COMPLETED);
        return name;
    }

    private Account now(Account account) {
        return ledger.account(account.id()).orElseThrow();
    }

    private long renewalCharges(Account account) {
        return ledger.entries(account.id(), EntryFilter.latest(100)).stream()
                .filter(e -> e.kind() == EntryKind.CHARGE && e.amount().equals(dkk("-89.00"))).count();
    }

    @DbTest
    void renewNowPostedTwiceDrawsTheListedPriceOnce(Database db) throws Exception {
        Account anna = reseller("anna", false);
        DomainName name = registered(anna, "twice");
        clock.advance(Duration.ofDays(350));
        Upcoming due = upcoming.of(now(anna)).get(0);
        assertThat(due.price()).isEqualTo(dkk("89.00"));

        RenewalResult first = upcoming.renewNow(now(anna), name, "form-key-1", due.expiresAt());
        RenewalResult second = upcoming.renewNow(now(anna), name, "form-key-1", due.expiresAt());

        assertThat(first.status()).isEqualTo(RenewalResult.Status.COMPLETED);
        assertThat(second.status()).isEqualTo(RenewalResult.Status.COMPLETED);
        assertThat(renewalCharges(anna)).isEqualTo(1);
        assertThat(now(anna).balance()).isEqualTo(dkk("811.00"));
        assertThat(registry.arrivals(name)).as("create and one renew").isEqualTo(2);
        assertThat(upcoming.of(now(anna))).isEmpty();
        assertThat(new Reconciliation(db.jdbi(), clock).run().problems()).isEmpty();
    }

    @DbTest
    void aDoubleClickAtTheSameMomentRenewsOnce(Database db) throws Exception {
        Account anna = reseller("anna", false);
        DomainName name = registered(anna, "double-click");
        clock.advance(Duration.ofDays(350));
        Instant expiry = upcoming.of(now(anna)).get(0).expiresAt();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RenewalResult>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<RenewalResult> click = () -> {
                    start.await();
                    return upcoming.renewNow(now(anna), name, "same-form", expiry);
                };
                clicks.add(pool.submit(click));
            }
            start.countDown();
            for (Future<RenewalResult> click : clicks) {
                assertThat(click.get().status()).isIn(RenewalResult.Status.COMPLETED, RenewalResult.Status.PENDING);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(renewalCharges(anna)).isEqualTo(1);
        assertThat(now(anna).balance()).isEqualTo(dkk("811.00"));
        assertThat(registry.arrivals(name)).isEqualTo(2);
    }

    @DbTest
    void automaticRenewalDrawsOncePerExpiry(Database db) throws Exception {
        Account auto = reseller("auto", true);
        Account manual = reseller("manual", false);
        registered(auto, "auto");
        registered(manual, "manual");
        clock.advance(Duration.ofDays(355));

        assertThat(upcoming.autoRenew(Duration.ofDays(14))).isEqualTo(1);
        assertThat(upcoming.autoRenew(Duration.ofDays(14))).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(upcoming.autoRenew(Duration.ofDays(14))).isZero();

        assertThat(renewalCharges(auto)).isEqualTo(1);
        assertThat(renewalCharges(manual)).isZero();
        assertThat(now(manual).balance()).isEqualTo(dkk("900.00"));
    }

    @DbTest
    void aResellerCannotRenewAnothersDomain(Database db) throws Exception {
        Account anna = reseller("anna", false);
        Account bo = reseller("bo", false);
        DomainName annas = registered(anna, "annas");
        clock.advance(Duration.ofDays(350));

        assertThat(upcoming.of(now(bo))).isEmpty();
        assertThatThrownBy(() -> upcoming.renewNow(now(bo), annas, "k", null)).isInstanceOf(UnknownDomainException.class);
        assertThat(now(bo).balance()).isEqualTo(dkk("1000.00"));
        assertThat(renewalCharges(anna)).isZero();
    }

    private static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }
}
