package org.kontor.plugins.prepaidaccount.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.event.PrepaidTopUpPaid;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.testkit.RecordingEvents;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.plugins.prepaidaccount.ledger.LedgerException;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

@DatabaseTest(plugins = "prepaid-account")
class TopUpsTest {

    private static final Currency CZK = Currency.getInstance("CZK");

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    private final RecordingEvents events = new RecordingEvents();
    private Ledger ledger;
    private TopUps topUps;
    private Account account;

    @BeforeEach
    void openAccount(Database database) {
        ledger = new Ledger(database.jdbi(), clock, events, Duration.ofHours(72));
        topUps = new TopUps(database.jdbi(), clock, events, ledger, Duration.ofDays(14));
        String scheme = "czk-" + System.nanoTime();
        ledger.createScheme(scheme, "Partners CZK", CZK, czk("3000"), true, czk("0"));
        account = ledger.activate(ledger.apply("reseller-" + System.nanoTime(), scheme).id(), "operator");
    }

    @DbTest
    void aTopUpBelowTheSchemesMinimumIsRefusedAndNothingIsRequested(Database database) {
        assertThatThrownBy(() -> topUps.request(account.id(), czk("2999.99")))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LedgerException.Reason.BELOW_MINIMUM);
                    assertThat(e.getMessage()).contains("3000.00 CZK");
                });
        assertThatThrownBy(() -> topUps.request(account.id(), Money.of("5000", "EUR")))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.WRONG_CURRENCY));
        assertThat(topUps.ofAccount(account.id())).isEmpty();
    }

    @DbTest
    void aRequestCarriesTheAccountsReferenceAndASequenceAndIsDueLater(Database database) {
        TopUp first = topUps.request(account.id(), czk("3000"));
        TopUp second = topUps.request(account.id(), czk("4500.50"));

        assertThat(first.state()).isEqualTo(TopUpState.REQUESTED);
        assertThat(first.paymentReference()).isEqualTo(account.paymentReference() + "0001");
        assertThat(second.paymentReference()).isEqualTo(account.paymentReference() + "0002");
        assertThat(first.dueAt()).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
        assertThat(topUps.ofAccount(account.id())).extracting(TopUp::id).containsExactly(second.id(), first.id());
        assertThat(ledger.account(account.id()).orElseThrow().balance()).as("a request credits nothing").isEqualTo(czk("0"));
    }

    @DbTest
    void markingPaidTwiceCreditsOnceAndPublishesOnce(Database database) {
        TopUp requested = topUps.request(account.id(), czk("3000"));
        clock.advance(Duration.ofDays(2));

        TopUp paid = topUps.markPaid(requested.id(), "BANK-778", "operator-1");
        TopUp again = topUps.markPaid(requested.id(), "BANK-779", "operator-2");

        assertThat(paid.state()).isEqualTo(TopUpState.PAID);
        assertThat(paid.paidAt()).isEqualTo(clock.instant());
        assertThat(again).isEqualTo(paid);
        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(czk("3000"));
        assertThat(ledger.entries(account.id(), EntryFilter.latest(10)))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.kind()).isEqualTo(EntryKind.TOP_UP);
                    assertThat(entry.idempotencyKey()).isEqualTo("top-up:" + requested.id());
                    assertThat(entry.id()).isEqualTo(paid.entryId());
                });
        assertThat(events.published()).filteredOn(PrepaidTopUpPaid.class::isInstance).singleElement()
                .isEqualTo(new PrepaidTopUpPaid(account.id(), account.ownerId(), requested.id(), czk("3000"), clock.instant()));
    }

    @DbTest
    void aCanceledRequestStaysCanceledAndAPaidOneCannotBeCanceled(Database database) {
        TopUp canceled = topUps.cancel(topUps.request(account.id(), czk("3000")).id());
        TopUp paid = topUps.markPaid(topUps.request(account.id(), czk("3000")).id(), "BANK-1", "operator");

        assertThat(canceled.state()).isEqualTo(TopUpState.CANCELED);
        assertThat(topUps.cancel(canceled.id()).state()).isEqualTo(TopUpState.CANCELED);
        assertThatThrownBy(() -> topUps.cancel(paid.id())).isInstanceOfSatisfying(LedgerException.class,
                e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.HOLD_SETTLED));
        assertThat(topUps.find(paid.id()).orElseThrow().state()).isEqualTo(TopUpState.PAID);
    }

    private static Money czk(String amount) {
        return Money.of(amount, "CZK");
    }
}
