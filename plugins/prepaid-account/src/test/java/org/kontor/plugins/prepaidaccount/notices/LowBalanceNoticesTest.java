package org.kontor.plugins.prepaidaccount.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.mail.MailMessage;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.database.Database;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.AccountSettings;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;
import org.slf4j.LoggerFactory;

@DatabaseTest(plugins = "prepaid-account")
class LowBalanceNoticesTest {

    private static final Currency CZK = Currency.getInstance("CZK");

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    private final RecordingMailer mailer = new RecordingMailer();
    private Ledger ledger;
    private Account account;

    @BeforeEach
    void openAccount(Database database) {
        ledger = new Ledger(database.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72),
                new LowBalanceNotices(mailer, new PluginMessages(getClass().getClassLoader()),
                        LoggerFactory.getLogger(LowBalanceNoticesTest.class)));
        String scheme = "czk-" + System.nanoTime();
        ledger.createScheme(scheme, "Partners CZK", CZK, czk("3000"), true, czk("0"));
        account = ledger.activate(ledger.apply("reseller-" + System.nanoTime(), scheme).id(), "operator");
        ledger.topUp(account.id(), "first-" + account.id(), czk("5000"), null, "operator");
        ledger.saveSettings(account.id(), new AccountSettings("ops@reseller.cz", czk("1000"), true, false, "cs"));
    }

    @DbTest
    void oneNoticePerCrossingBelowTheThreshold(Database database) throws Exception {
        charge("a", "3500");
        assertThat(mailer.sent()).as("1500 is above 1000").isEmpty();

        charge("b", "600");
        charge("c", "100");
        ledger.adjust(account.id(), "adj-1", czk("-50"), "correction", "operator");

        assertThat(mailer.sent()).as("one notice while it stays below").singleElement().satisfies(notice -> {
            assertThat(notice.to()).containsExactly("ops@reseller.cz");
            assertThat(notice.subject()).contains("zůstatek");
            assertThat(notice.textBody()).containsPattern("900,00\\hKč").containsPattern("1\\h000,00\\hKč").contains(account.paymentReference());
        });

        ledger.topUp(account.id(), "second", czk("1000"), null, "operator");
        charge("d", "200");
        assertThat(mailer.sent()).as("1750 and 1550 are above again").hasSize(1);

        charge("e", "600");
        assertThat(mailer.sent()).as("a second crossing, a second notice").hasSize(2);
        assertThat(mailer.sent().get(1).textBody()).contains("950,00");
    }

    @DbTest
    void noNoticeWithoutAThresholdOrAnAddress(Database database) throws Exception {
        ledger.saveSettings(account.id(), new AccountSettings("ops@reseller.cz", null, true, true, "en"));
        charge("a", "4500");
        assertThat(mailer.sent()).isEmpty();

        ledger.saveSettings(account.id(), new AccountSettings(null, czk("1000"), true, true, "en"));
        charge("b", "100");
        assertThat(mailer.sent()).isEmpty();
        Account saved = ledger.account(account.id()).orElseThrow();
        assertThat(saved.autoRenew()).isTrue();
        assertThat(saved.lowBalanceThreshold()).isEqualTo(czk("1000"));
    }

    private void charge(String key, String amount) throws Exception {
        String holdKey = key + "-" + account.id();
        ledger.hold(new FundingRequest(IdempotencyKey.of(holdKey), account.ownerId(), ChargeKind.DOMAIN_RENEW,
                czk(amount), czk(amount), czk("0"), DomainName.of(key + "-example.cz"), Period.years(1), "renewal"));
        ledger.capture(holdKey);
    }

    private static Money czk(String amount) {
        return Money.of(amount, "CZK");
    }
}
