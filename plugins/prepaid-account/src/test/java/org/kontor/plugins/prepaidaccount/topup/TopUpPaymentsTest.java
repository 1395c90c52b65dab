package org.kontor.plugins.prepaidaccount.topup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.event.EventMetadata;
import org.kontor.api.event.PaymentSucceeded;
import org.kontor.api.event.PrepaidTopUpPaid;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.plugins.prepaidaccount.ledger.Account;
import org.kontor.plugins.prepaidaccount.ledger.Ledger;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestClock;
import org.slf4j.LoggerFactory;

/** A gateway payment of a top-up, reported by the host, marks the top-up paid once. */
@DatabaseTest(plugins = "prepaid-account")
class TopUpPaymentsTest {

    private static final Currency CZK = Currency.getInstance("CZK");

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    private final RecordingEvents events = new RecordingEvents();
    private Ledger ledger;
    private TopUps topUps;
    private TopUpPayments listener;
    private Account account;

    @BeforeEach
    void openAccount(Database database) {
        ledger = new Ledger(database.jdbi(), clock, events, Duration.ofHours(72));
        topUps = new TopUps(database.jdbi(), clock, events, ledger, Duration.ofDays(14));
        listener = new TopUpPayments(topUps, ledger, LoggerFactory.getLogger(TopUpPaymentsTest.class));
        String scheme = "czk-" + System.nanoTime();
        ledger.createScheme(scheme, "Partners CZK", CZK, Money.of("3000", "CZK"), true, Money.of("0", "CZK"));
        account = ledger.activate(ledger.apply("reseller-" + System.nanoTime(), scheme).id(), "operator");
    }

    @DbTest
    void aPaymentOfTheTopUpByItsOwnerCreditsItOnceHoweverOftenItIsReported(Database database) {
        TopUp topUp = topUps.request(account.id(), Money.of("3000", "CZK"));
        PaymentSucceeded paid = new PaymentSucceeded("top-up:" + topUp.id() + ":" + UUID.randomUUID(), account.ownerId(),
                null, Money.of("3630", "CZK"), "test-gateway");

        listener.on(paid, new EventMetadata("e-1", clock.instant(), 1));
        listener.on(paid, new EventMetadata("e-1", clock.instant(), 2));

        TopUp after = topUps.find(topUp.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(TopUpState.PAID);
        assertThat(after.externalReference()).isEqualTo(paid.paymentId());
        assertThat(after.paidBy()).isEqualTo("gateway:test-gateway");
        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(Money.of("3000", "CZK"));
        assertThat(events.published()).filteredOn(PrepaidTopUpPaid.class::isInstance).hasSize(1);
    }

    @DbTest
    void aPaymentBySomeoneElseOrOfTooLittleOrOfAnotherKindChangesNothing(Database database) {
        TopUp topUp = topUps.request(account.id(), Money.of("3000", "CZK"));
        String paymentId = "top-up:" + topUp.id() + ":" + UUID.randomUUID();
        EventMetadata metadata = new EventMetadata("e-2", clock.instant(), 1);

        listener.on(new PaymentSucceeded(paymentId, "someone-else", null, Money.of("3000", "CZK"), "test-gateway"),
                metadata);
        listener.on(new PaymentSucceeded(paymentId, account.ownerId(), null, Money.of("2999.99", "CZK"), "test-gateway"),
                metadata);
        listener.on(new PaymentSucceeded(paymentId, account.ownerId(), null, Money.of("3000", "EUR"), "test-gateway"),
                metadata);
        listener.on(new PaymentSucceeded("invoice:" + topUp.id() + ":" + UUID.randomUUID(), account.ownerId(), "inv-1",
                Money.of("3000", "CZK"), "test-gateway"), metadata);

        assertThat(topUps.find(topUp.id()).orElseThrow().state()).isEqualTo(TopUpState.REQUESTED);
        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(Money.of("0", "CZK"));
    }
}
