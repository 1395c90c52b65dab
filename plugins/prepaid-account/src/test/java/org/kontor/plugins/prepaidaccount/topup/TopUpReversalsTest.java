package org.kontor.plugins.prepaidaccount.topup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PaymentReversed;
import org.kontor.api.event.PaymentSucceeded;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.EntryFilter;
import org.kontor.plugins.prepaidaccount.ledger.EntryKind;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestClock;
import org.slf4j.LoggerFactory;

@DatabaseTest(plugins = "prepaid-account")
class TopUpReversalsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-20T09:00:00Z"));
    private final RecordingEvents events = new RecordingEvents();
    private Ledger ledger;
    private TopUps topUps;
    private TopUpPayments payments;
    private TopUpReversals reversals;
    private Account account;

    @BeforeEach
    void openAccount(Database database) {
        ledger = new Ledger(database.jdbi(), clock, events, Duration.ofHours(72));
        topUps = new TopUps(database.jdbi(), clock, events, ledger, Duration.ofDays(14));
        payments = new TopUpPayments(topUps, ledger, LoggerFactory.getLogger(TopUpReversalsTest.class));
        reversals = new TopUpReversals(topUps, ledger, LoggerFactory.getLogger(TopUpReversalsTest.class));
        String scheme = "eur-" + System.nanoTime();
        ledger.createScheme(scheme, "Partners EUR", EUR, Money.of("100", "EUR"), true, Money.of("0", "EUR"));
        account = ledger.activate(ledger.apply("reseller-" + System.nanoTime(), scheme).id(), "operator");
    }

    @DbTest
    void aReturnedDirectDebitOfATopUpReversesItsCreditOnceEvenBelowZero(Database database) {
        String paymentId = paidTopUp("500");
        ledger.adjust(account.id(), "spent-" + UUID.randomUUID(), Money.of("-450", "EUR"), "domains bought", "test");
        TopUp topUp = topUps.find(TopUpPayments.topUpOf(paymentId).orElseThrow()).orElseThrow();
        PaymentReversed returned = new PaymentReversed("reversal-1", paymentId, account.ownerId(), "TOP_UP", topUp.id(),
                null, Money.of("500", "EUR"), "sepa-direct-debit", false, "AM04");

        reversals.on(returned, new EventMetadata("e-1", clock.instant(), 1));
        reversals.on(returned, new EventMetadata("e-1", clock.instant(), 2));

        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(Money.of("-450", "EUR"));
        assertThat(ledger.entries(account.id(), EntryFilter.latest(100))).filteredOn(e -> e.kind() == EntryKind.REVERSAL)
                .singleElement().satisfies(e -> {
                    assertThat(e.reversesEntryId()).isEqualTo(topUp.entryId());
                    assertThat(e.reason()).contains("reversal").contains("AM04");
                    assertThat(e.actor()).isEqualTo("gateway:sepa-direct-debit");
                });
    }

    @DbTest
    void partialRefundsAreDebitedAndNothingBeyondTheTopUpIsTaken(Database database) {
        String paymentId = paidTopUp("200");
        String topUpId = TopUpPayments.topUpOf(paymentId).orElseThrow();
        reversals.on(new PaymentReversed("refund-1", paymentId, account.ownerId(), "TOP_UP", topUpId, null,
                Money.of("50", "EUR"), "stripe", true, "goodwill"), new EventMetadata("e-2", clock.instant(), 1));
        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(Money.of("150", "EUR"));

        // the customer paid 242 (with VAT) for a credit of 200: a refund of everything takes back the 200 credited
        reversals.on(new PaymentReversed("refund-2", paymentId, account.ownerId(), "TOP_UP", topUpId, null,
                Money.of("242", "EUR"), "stripe", true, null), new EventMetadata("e-3", clock.instant(), 1));
        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(Money.of("-50", "EUR"));

        reversals.on(new PaymentReversed("refund-3", "invoice:x:" + UUID.randomUUID(), account.ownerId(), "INVOICE",
                "inv-1", "inv-1", Money.of("10", "EUR"), "stripe", true, null), new EventMetadata("e-4", clock.instant(), 1));
        assertThat(ledger.account(account.id()).orElseThrow().balance()).as("not a top-up").isEqualTo(Money.of("-50", "EUR"));
    }

    private String paidTopUp(String net) {
        TopUp topUp = topUps.request(account.id(), Money.of(net, "EUR"));
        String paymentId = "top-up:" + topUp.id() + ":" + UUID.randomUUID();
        payments.on(new PaymentSucceeded(paymentId, account.ownerId(), null, Money.of(net, "EUR"), "stripe"),
                new EventMetadata("paid-" + topUp.id(), clock.instant(), 1));
        assertThat(ledger.account(account.id()).orElseThrow().balance().isPositive()).isTrue();
        return paymentId;
    }
}
