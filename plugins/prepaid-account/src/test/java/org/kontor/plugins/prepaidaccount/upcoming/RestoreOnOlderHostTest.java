package org.kontor.plugins.prepaidaccount.upcoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.plugins.prepaidaccount.i18n.PluginMessages;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.testkit.TestClock;
import org.slf4j.LoggerFactory;

/**
 * A portfolio that only knows the renewal methods (a host from before restores, through the interface's defaults):
 * nothing is listed to restore, a restore is refused as unsupported and nothing is drawn.
 */
@DatabaseTest(plugins = "prepaid-account")
class RestoreOnOlderHostTest {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    private final FakePortfolio portfolio = new FakePortfolio(Money.of("89.00", "DKK"));
    private Ledger ledger;
    private UpcomingPayments upcoming;
    private String n;

    @BeforeEach
    void setUp(Database db) {
        ledger = new Ledger(db.jdbi(), clock, new RecordingEvents(), Duration.ofHours(72));
        upcoming = new UpcomingPayments(db.jdbi(), clock, Optional.of(portfolio), ledger, Duration.ofDays(10),
                new RecordingMailer(), new PluginMessages(RestoreOnOlderHostTest.class.getClassLoader()),
                LoggerFactory.getLogger("test"));
        n = SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
        ledger.createScheme("dkk-" + n, "DKK", DKK, Money.of("0", "DKK"), true, Money.of("0", "DKK"));
    }

    @DbTest
    void nothingIsRestorableAndARestoreIsUnsupported(Database db) {
        Account anna = ledger.activate(ledger.apply("anna-" + n, "dkk-" + n).id(), "operator");
        ledger.topUp(anna.id(), "deposit-" + n, Money.of("1000", "DKK"), null, "operator");
        Account funded = ledger.account(anna.id()).orElseThrow();
        DomainName name = DomainName.of("old-" + n + ".dk");
        portfolio.add(funded.ownerId(), name.ascii(), clock.instant().plus(Duration.ofDays(5)));

        assertThat(upcoming.restorable(funded)).isEmpty();
        assertThatThrownBy(() -> upcoming.restore(funded, name, "form-key"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(ledger.account(anna.id()).orElseThrow().balance()).isEqualTo(Money.of("1000.00", "DKK"));
    }
}
