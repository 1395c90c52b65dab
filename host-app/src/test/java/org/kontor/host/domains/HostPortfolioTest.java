package org.kontor.host.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kontor.host.domains.ScriptedRegistry.dkk;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.api.portfolio.RenewalRequest;
import org.kontor.api.portfolio.RenewalResult;
import org.kontor.api.portfolio.UnknownDomainException;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** The portfolio plugins see: one customer at a time, renewals paid once per key. */
@DatabaseTest(migrateHost = true)
class HostPortfolioTest {

    private static final Currency DKK = Currency.getInstance("DKK");

    private final TestClock clock = TestClock.at(Instant.parse("2026-12-20T12:00:00Z"));
    private Domains domains;

    @BeforeEach
    void setUp(Database db) {
        Domains.clear(db);
        domains = new Domains(db, clock);
        domains.renewalPrice("dk", "75.00");
    }

    /** A domain of the customer, registered through a domain operation (it expires 2027-01-10). */
    private DomainName owned(String customer, String label) throws Exception {
        DomainName name = Domains.unique(label);
        domains.operations.perform(domains.create(customer, name, Domains.key("create")));
        return name;
    }

    private RenewalRequest renewal(IdempotencyKey key, String customer, DomainName name) {
        return RenewalRequest.oneYear(key, customer, name, domains.funding.sourceId(), DKK, null);
    }

    @DbTest
    void aCustomerSeesOnlyTheirOwnDomains(Database db) throws Exception {
        DomainName annas = owned("anna", "annas");
        DomainName bos = owned("bo", "bos");

        assertThat(domains.portfolio.domainsOf("anna")).extracting(PortfolioDomain::name).containsExactly(annas);
        assertThat(domains.portfolio.find("anna", bos)).isEmpty();
        assertThat(domains.portfolio.expiringBetween("anna", clock.instant(), clock.instant().plus(Duration.ofDays(30))))
                .extracting(PortfolioDomain::name).containsExactly(annas);
        assertThatThrownBy(() -> domains.portfolio.renew(renewal(Domains.key("renew"), "anna", bos)))
                .isInstanceOf(UnknownDomainException.class);
        assertThatThrownBy(() -> domains.portfolio.terminate("anna", bos)).isInstanceOf(UnknownDomainException.class);
        assertThatThrownBy(() -> domains.portfolio.setAutoRenew("anna", bos, false)).isInstanceOf(UnknownDomainException.class);
        assertThat(domains.portfolio.find("bo", bos).orElseThrow().autoRenew()).isTrue();
        assertThat(domains.portfolio.find("bo", bos).orElseThrow().terminated()).isFalse();
    }

    @DbTest
    void theExpiryWindowLeavesOutWhatExpiresLater(Database db) throws Exception {
        DomainName soon = owned("anna", "soon");

        assertThat(domains.portfolio.expiringBetween("anna", clock.instant(), clock.instant().plus(Duration.ofDays(10))))
                .isEmpty();
        assertThat(domains.portfolio.expiringBetween("anna", clock.instant(), clock.instant().plus(Duration.ofDays(30))))
                .extracting(PortfolioDomain::name).containsExactly(soon);
    }

    @DbTest
    void aRenewalIsChargedAtTheListedPriceAndOnceForOneKey(Database db) throws Exception {
        DomainName name = owned("anna", "renew-once");
        domains.funding.deposit("anna", dkk("1000.00"));
        Instant expiry = domains.portfolio.find("anna", name).orElseThrow().expiresAt();
        IdempotencyKey key = Domains.key("renew-click");

        assertThat(domains.portfolio.renewalPrice(name, DKK)).contains(dkk("75.00"));
        RenewalResult first = domains.portfolio.renew(renewal(key, "anna", name));
        RenewalResult second = domains.portfolio.renew(renewal(key, "anna", name));

        assertThat(first.status()).isEqualTo(RenewalResult.Status.COMPLETED);
        assertThat(first.amount()).isEqualTo(dkk("75.00"));
        Instant renewed = expiry.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        assertThat(first.expiresAt()).isEqualTo(renewed);
        assertThat(second.status()).isEqualTo(RenewalResult.Status.COMPLETED);
        assertThat(second.expiresAt()).isEqualTo(renewed);
        assertThat(domains.funding.balance("anna")).isEqualTo(dkk("925.00"));
        assertThat(domains.portfolio.find("anna", name).orElseThrow().expiresAt()).isEqualTo(renewed);
    }

    @DbTest
    void aRenewalAfterSomeoneElseRenewedMeanwhileIsRefused(Database db) throws Exception {
        DomainName name = owned("anna", "moved-on");
        Instant seen = domains.portfolio.find("anna", name).orElseThrow().expiresAt();
        domains.portfolio.renew(renewal(Domains.key("first"), "anna", name));

        RenewalResult stale = domains.portfolio.renew(RenewalRequest.oneYear(Domains.key("second"), "anna", name,
                domains.funding.sourceId(), DKK, seen));

        assertThat(stale.status()).isEqualTo(RenewalResult.Status.FAILED);
        assertThat(stale.code()).isEqualTo("expiry-changed");
        assertThat(domains.registry.billableCalls.get()).as("one create, one renewal").isEqualTo(2);
    }

    @DbTest
    void noSecondRenewalStartsWhileOneWaitsForTheRegistry(Database db) throws Exception {
        DomainName name = owned("anna", "waiting");
        IdempotencyKey first = Domains.key("first");
        domains.registry.answer(name, org.kontor.api.outcome.Outcome.pending(null, first.value(), "queued"));

        assertThat(domains.portfolio.renew(renewal(first, "anna", name)).status()).isEqualTo(RenewalResult.Status.PENDING);
        RenewalResult second = domains.portfolio.renew(renewal(Domains.key("second"), "anna", name));

        assertThat(second.status()).isEqualTo(RenewalResult.Status.FAILED);
        assertThat(second.code()).isEqualTo("renewal-in-progress");
        assertThat(domains.registry.billableCalls.get()).as("one create, one renewal").isEqualTo(2);
    }

    @DbTest
    void aDomainRegisteredAgainAfterItWasDeletedIsNotTerminated(Database db) throws Exception {
        DomainName name = owned("anna", "again");
        domains.portfolio.terminate("anna", name);
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE domain SET state = 'DELETED' WHERE name = :n")
                .bind("n", name.ascii()).execute());

        domains.operations.perform(domains.create("anna", name, Domains.key("create-again")));

        PortfolioDomain again = domains.portfolio.find("anna", name).orElseThrow();
        assertThat(again.state()).isEqualTo(State.ACTIVE);
        assertThat(again.terminated()).isFalse();
    }

    @DbTest
    void aKeyOfAnotherCustomersOperationIsRefused(Database db) throws Exception {
        DomainName annas = owned("anna", "key-a");
        DomainName bos = owned("bo", "key-b");
        IdempotencyKey key = Domains.key("shared");
        domains.portfolio.renew(renewal(key, "anna", annas));

        assertThatThrownBy(() -> domains.portfolio.renew(renewal(key, "bo", bos)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @DbTest
    void withoutAPriceNothingIsRenewed(Database db) throws Exception {
        DomainName name = owned("anna", "no-price");
        db.jdbi().useHandle(h -> h.execute("DELETE FROM domain_price"));

        assertThatThrownBy(() -> domains.portfolio.renew(renewal(Domains.key("renew"), "anna", name)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no renewal price");
        assertThat(domains.registry.billableCalls.get()).isEqualTo(1);
    }

    @DbTest
    void terminatingStopsRenewalsAndTheDomainLapsesAtItsExpiry(Database db) throws Exception {
        DomainName name = owned("anna", "ended");

        PortfolioDomain ended = domains.portfolio.terminate("anna", name);

        assertThat(ended.terminated()).isTrue();
        assertThat(ended.autoRenew()).isFalse();
        assertThat(ended.state()).isEqualTo(State.ACTIVE);
        assertThat(ended.renewable()).isFalse();
        assertThat(domains.registry.deleted).isEmpty();
        assertThatThrownBy(() -> domains.portfolio.renew(renewal(Domains.key("renew"), "anna", name)))
                .isInstanceOf(UnknownDomainException.class).hasMessageContaining("terminated");
    }

    @DbTest
    void underTheDeletePolicyTerminatingDeletesAtTheRegistry(Database db) throws Exception {
        Domains deleting = new Domains(db, clock, HostPortfolio.TerminatePolicy.DELETE);
        DomainName name = Domains.unique("deleted");
        deleting.operations.perform(deleting.create("anna", name, Domains.key("create")));

        PortfolioDomain ended = deleting.portfolio.terminate("anna", name);

        assertThat(ended.state()).isEqualTo(State.DELETED);
        assertThat(deleting.registry.deleted).containsExactly(name.ascii());
    }

    @DbTest
    void aDomainTheRegistryKeepsInRedemptionAfterTheDeleteCanBeRestored(Database db) throws Exception {
        Domains deleting = new Domains(db, clock, HostPortfolio.TerminatePolicy.DELETE);
        deleting.registry.redemptionAfterDelete = true;
        DomainName name = Domains.unique("redeemable");
        deleting.operations.perform(deleting.create("anna", name, Domains.key("create")));

        PortfolioDomain ended = deleting.portfolio.terminate("anna", name);

        assertThat(ended.state()).isEqualTo(State.REDEMPTION);
        assertThat(ended.restorable()).isTrue();
        assertThat(deleting.store.find(name).orElseThrow().restoreUntil())
                .isEqualTo(clock.instant().plus(java.time.Duration.ofDays(30)));
    }

    @DbTest
    void autoRenewCanBeSwitched(Database db) throws Exception {
        DomainName name = owned("anna", "switch");

        assertThat(domains.portfolio.setAutoRenew("anna", name, false).autoRenew()).isFalse();
        assertThat(domains.portfolio.setAutoRenew("anna", name, true).autoRenew()).isTrue();
    }
}
