package org.kontor.plugins.prepaidaccount.monthclose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.event.PrepaidMonthClosed;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.database.Database;
import org.kontor.testkit.RecordingEvents;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

@DatabaseTest(plugins = "prepaid-account")
class MonthCloseTest {

    private static final Currency CZK = Currency.getInstance("CZK");
    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    private final TestClock clock = TestClock.at(Instant.parse("2026-09-20T09:00:00Z"));
    private final RecordingEvents events = new RecordingEvents();
    private Ledger ledger;
    private MonthClose monthClose;
    private Account account;

    @BeforeEach
    void openAccount(Database database) {
        ledger = new Ledger(database.jdbi(), clock, events, Duration.ofHours(72));
        monthClose = new MonthClose(database.jdbi(), clock, events, ledger, PRAGUE);
        String scheme = "czk-" + System.nanoTime();
        ledger.createScheme(scheme, "Partners CZK", CZK, czk("3000"), true, czk("0"));
        account = ledger.activate(ledger.apply("reseller-" + System.nanoTime(), scheme).id(), "operator");
        ledger.topUp(account.id(), "first-" + account.id(), czk("9000"), null, "operator");
    }

    @DbTest
    void eachPastMonthIsClosedExactlyOnceWithItsCharges(Database database) throws Exception {
        charge("sep-1", "100.50");
        charge("sep-2", "200");
        clock.set(Instant.parse("2026-09-30T22:30:00Z")); // 1 October 00:30 in Prague: October's
        charge("oct-1", "40");
        clock.set(Instant.parse("2026-10-15T10:00:00Z"));

        assertThat(close()).as("October is not over").singleElement()
                .isEqualTo(new PrepaidMonthClosed(account.id(), account.ownerId(), YearMonth.of(2026, 9), czk("300.50"), 2));
        assertThat(close()).as("a second run closes nothing").isEmpty();

        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(close()).containsExactly(
                new PrepaidMonthClosed(account.id(), account.ownerId(), YearMonth.of(2026, 10), czk("40.00"), 1),
                new PrepaidMonthClosed(account.id(), account.ownerId(), YearMonth.of(2026, 11), czk("0"), 0));
        assertThat(close()).isEmpty();

        assertThat(events.published()).filteredOn(PrepaidMonthClosed.class::isInstance)
                .filteredOn(event -> ((PrepaidMonthClosed) event).accountId().equals(account.id()))
                .extracting(event -> ((PrepaidMonthClosed) event).month().toString())
                .containsExactly("2026-09", "2026-10", "2026-11");
    }

    /** This test's account only: the database may hold accounts of other tests. */
    private java.util.List<PrepaidMonthClosed> close() {
        return monthClose.closeDueMonths().stream().filter(event -> event.accountId().equals(account.id())).toList();
    }

    private void charge(String key, String amount) throws Exception {
        String holdKey = key + "-" + account.id();
        ledger.hold(new FundingRequest(IdempotencyKey.of(holdKey), account.ownerId(), ChargeKind.DOMAIN_CREATE,
                czk(amount), czk(amount), czk("0"), DomainName.of(key + ".cz"), Period.years(1), "registration"));
        ledger.capture(holdKey);
    }

    private static Money czk(String amount) {
        return Money.of(amount, "CZK");
    }
}
