package org.kontor.plugins.prepaidaccount.upcoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;
import org.kontor.api.portfolio.RenewalResult;
import org.kontor.api.portfolio.UnknownDomainException;
import org.kontor.database.Database;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.AccountSettings;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.testkit.TestClock;
import org.slf4j.LoggerFactory;

/** Upcoming payments over the plugin's own tables and a portfolio double: listing, notices once, auto-renewal once. */
@DatabaseTest(plugins = "prepaid-account")
class UpcomingPaymentsTest {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    private final TestClock clock = TestClock.at(NOW);
    private final RecordingMailer mailer = new RecordingMailer();
    private final FakePortfolio portfolio = new FakePortfolio(Money.of("89.00", "DKK"));
    private Ledger ledger;
    private UpcomingPayments upcoming;
    private String n;

    @BeforeEach
    void setUp(Database db) {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM prepaid_account_upcoming"));
        ledger = new Ledger(db.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72));
        upcoming = new UpcomingPayments(db.jdbi(), clock, Optional.of(portfolio), ledger, Duration.ofDays(10), mailer,
                new PluginMessages(UpcomingPaymentsTest.class.getClassLoader()), LoggerFactory.getLogger("test"));
        n = Long.toString(SEQUENCE.incrementAndGet()) + "-" + System.nanoTime();
        ledger.createScheme("dkk-" + n, "DKK", DKK, Money.of("0", "DKK"), true, Money.of("1000", "DKK"));
    }

    private Account account(String owner, boolean notices, boolean autoRenew, String email) {
        Account account = ledger.activate(ledger.apply(owner + "-" + n, "dkk-" + n).id(), "operator");
        return ledger.saveSettings(account.id(), new AccountSettings(email, null, notices, autoRenew, "da"));
    }

    private String domain(String label) {
        return label + "-" + n + ".dk";
    }

    @DbTest
    void listsTheDomainsWithin30DaysWithPriceAndADueDateTenDaysAfterIssue(Database db) {
        Account anna = account("anna", true, false, null);
        portfolio.add(anna.ownerId(), domain("soon"), NOW.plus(Duration.ofDays(12)))
                .add(anna.ownerId(), domain("edge"), NOW.plus(Duration.ofDays(30)).minusSeconds(1))
                .add(anna.ownerId(), domain("later"), NOW.plus(Duration.ofDays(31)));

        List<Upcoming> list = upcoming.of(anna);

        assertThat(list).extracting(u -> u.domain().ascii()).containsExactly(domain("soon"), domain("edge"));
        Upcoming first = list.get(0);
        assertThat(first.price()).isEqualTo(Money.of("89.00", "DKK"));
        assertThat(first.issuedAt()).isEqualTo(NOW);
        assertThat(first.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(10)));

        clock.advance(Duration.ofDays(2));
        assertThat(upcoming.of(anna).get(0).issuedAt()).as("issued once; the due date stays").isEqualTo(NOW);
    }

    @DbTest
    void aResellerSeesAndActsOnTheirOwnDomainsOnly(Database db) throws Exception {
        Account anna = account("anna", true, false, null);
        Account bo = account("bo", true, false, null);
        portfolio.add(anna.ownerId(), domain("annas"), NOW.plus(Duration.ofDays(5)));

        assertThat(upcoming.of(bo)).isEmpty();
        DomainName annas = DomainName.of(domain("annas"));
        assertThatThrownBy(() -> upcoming.renewNow(bo, annas, "k1", null)).isInstanceOf(UnknownDomainException.class);
        assertThatThrownBy(() -> upcoming.terminate(bo, annas)).isInstanceOf(UnknownDomainException.class);
        assertThat(portfolio.renewed).isEmpty();
    }

    @DbTest
    void renewNowWithOneFormKeyRenewsOnce(Database db) throws Exception {
        Account anna = account("anna", true, false, null);
        Instant expiry = NOW.plus(Duration.ofDays(5));
        portfolio.add(anna.ownerId(), domain("click"), expiry);
        DomainName name = DomainName.of(domain("click"));

        RenewalResult first = upcoming.renewNow(anna, name, "form-1", expiry);
        RenewalResult second = upcoming.renewNow(anna, name, "form-1", expiry);
        RenewalResult otherPage = upcoming.renewNow(anna, name, "form-2", expiry);

        assertThat(first.status()).isEqualTo(RenewalResult.Status.COMPLETED);
        assertThat(second).isEqualTo(first);
        assertThat(otherPage.status()).isEqualTo(RenewalResult.Status.FAILED);
        assertThat(otherPage.code()).isEqualTo("expiry-changed");
        assertThat(portfolio.renewed).hasSize(1);
        assertThat(upcoming.of(anna)).as("renewed: no longer upcoming").isEmpty();
    }

    @DbTest
    void aTerminatedDomainIsNoLongerUpcoming(Database db) {
        Account anna = account("anna", true, false, null);
        portfolio.add(anna.ownerId(), domain("ended"), NOW.plus(Duration.ofDays(5)));

        assertThat(upcoming.terminate(anna, DomainName.of(domain("ended"))).terminated()).isTrue();

        assertThat(upcoming.of(anna)).isEmpty();
    }

    @DbTest
    void oneNoticePerDomainAndExpiryAndNoneWhenSwitchedOff(Database db) throws Exception {
        Account anna = account("anna", true, false, "anna@example.net");
        Account quiet = account("quiet", false, false, "quiet@example.net");
        Instant expiry = NOW.plus(Duration.ofDays(20));
        portfolio.add(anna.ownerId(), domain("noticed"), expiry).add(quiet.ownerId(), domain("quiet"), expiry);

        int first = upcoming.sendNotices();
        int again = upcoming.sendNotices();

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(mailer.sent()).hasSize(1);
        assertThat(mailer.sent().get(0).to()).containsExactly("anna@example.net");
        assertThat(mailer.sent().get(0).subject()).contains(domain("noticed")).startsWith("Kommende betaling");
        assertThat(mailer.sent().get(0).textBody()).contains("89,00");

        upcoming.renewNow(anna, DomainName.of(domain("noticed")), "k", expiry);
        clock.set(expiry.plus(Duration.ofDays(340)));
        assertThat(upcoming.sendNotices()).as("the next expiry is a new upcoming payment").isEqualTo(1);
    }

    @DbTest
    void automaticRenewalRenewsOncePerExpiryAndOnlyForResellersWhoChoseIt(Database db) {
        Account auto = account("auto", true, true, null);
        Account manual = account("manual", true, false, null);
        portfolio.add(auto.ownerId(), domain("auto"), NOW.plus(Duration.ofDays(10)))
                .add(auto.ownerId(), domain("auto-later"), NOW.plus(Duration.ofDays(20)))
                .add(auto.ownerId(), domain("switched-off"), NOW.plus(Duration.ofDays(10)))
                .add(manual.ownerId(), domain("manual"), NOW.plus(Duration.ofDays(10)));
        portfolio.setAutoRenew(auto.ownerId(), DomainName.of(domain("switched-off")), false);

        assertThat(upcoming.autoRenew(Duration.ofDays(14))).isEqualTo(1);
        assertThat(upcoming.autoRenew(Duration.ofDays(14))).isZero();

        assertThat(portfolio.renewed).hasSize(1);
        assertThat(portfolio.renewed.get(0).name().ascii()).isEqualTo(domain("auto"));
        assertThat(portfolio.renewed.get(0).key().value()).startsWith("auto-renew-" + domain("auto") + "-");
    }

    @DbTest
    void withoutAPortfolioNothingIsListed(Database db) {
        UpcomingPayments none = new UpcomingPayments(db.jdbi(), clock, Optional.empty(), ledger, Duration.ofDays(10),
                mailer, new PluginMessages(UpcomingPaymentsTest.class.getClassLoader()), LoggerFactory.getLogger("test"));

        assertThat(none.available()).isFalse();
        assertThat(none.of(account("anna", true, true, null))).isEmpty();
        assertThat(none.sendNotices()).isZero();
        assertThat(none.autoRenew(Duration.ofDays(14))).isZero();
    }
}
