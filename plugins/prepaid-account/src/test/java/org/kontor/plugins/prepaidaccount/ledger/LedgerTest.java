package org.kontor.plugins.prepaidaccount.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.event.PrepaidCharged;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.funding.InsufficientFundsException;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.database.Database;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

@DatabaseTest(plugins = "prepaid-account")
class LedgerTest {

    private static final Currency CZK = Currency.getInstance("CZK");

    private final TestClock clock = TestClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    private final RecordingEvents events = new RecordingEvents();
    private Ledger ledger;
    private String owner;
    private Account account;

    @BeforeEach
    void openAccount(Database database) {
        ledger = new Ledger(database.jdbi(), clock, events, Duration.ofHours(72));
        String scheme = "czk-" + System.nanoTime();
        ledger.createScheme(scheme, "Partners CZK", CZK, czk("3000"), true, czk("500"));
        owner = "reseller-" + System.nanoTime();
        account = ledger.activate(ledger.apply(owner, scheme).id(), "operator");
        ledger.topUp(account.id(), "topup-" + owner, czk("1000"), "first deposit", "operator");
    }

    @DbTest
    void anApplicationDrawsNothingUntilAnOperatorActivatesIt(Database database) {
        String applicant = "applicant-" + System.nanoTime();
        Account applied = ledger.apply(applicant, account.schemeId());

        assertThat(applied.state()).isEqualTo(AccountState.APPLIED);
        assertThat(applied.paymentReference()).matches("[0-9]{10}");
        ledger.topUp(applied.id(), "pre-" + applicant, czk("500"), null, "operator");
        assertThatThrownBy(() -> ledger.hold(create(applicant, "early", "100", "a.cz")))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.NOT_ACTIVE));

        Account active = ledger.activate(applied.id(), "operator-7");

        assertThat(active.state()).isEqualTo(AccountState.ACTIVE);
        assertThat(active.activatedAt()).isEqualTo(clock.instant());
        assertThat(ledger.apply(applicant, account.schemeId()).id()).as("applying twice").isEqualTo(applied.id());
    }

    @DbTest
    void aHeldAmountIsNotAvailableAndCaptureChargesIt(Database database) throws Exception {
        Hold hold = ledger.hold(create(owner, "order-1", "300", "æøå.cz"));

        assertThat(hold.state()).isEqualTo(FundingHold.State.ACTIVE);
        assertThat(ledger.account(account.id()).orElseThrow().available()).isEqualTo(czk("700"));
        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(czk("1000"));

        Hold captured = ledger.capture("order-1");

        Account after = ledger.account(account.id()).orElseThrow();
        assertThat(captured.state()).isEqualTo(FundingHold.State.CAPTURED);
        assertThat(after.balance()).isEqualTo(czk("700"));
        assertThat(after.held()).isEqualTo(czk("0"));
        Entry charge = ledger.entry(captured.entryId()).orElseThrow();
        assertThat(charge.kind()).isEqualTo(EntryKind.CHARGE);
        assertThat(charge.amount()).isEqualTo(czk("-300"));
        assertThat(charge.balanceAfter()).isEqualTo(czk("700"));
        assertThat(charge.domain()).isEqualTo("xn--5cab8c.cz");
        assertThat(charge.sequence()).isEqualTo(2);
        assertThat(events.published()).singleElement().isInstanceOfSatisfying(PrepaidCharged.class, event -> {
            assertThat(event.amount()).isEqualTo(czk("300"));
            assertThat(event.domain()).isEqualTo(DomainName.of("æøå.cz"));
            assertThat(event.period()).isEqualTo(Period.years(1));
            assertThat(event.ownerId()).isEqualTo(owner);
        });
    }

    @DbTest
    void aSettledHoldIsAnsweredAsStoredWhetherThisLedgerMadeItOrAnother(Database database) throws Exception {
        String here = "here-" + owner;
        String there = "there-" + owner;
        clock.advance(Duration.ofNanos(1_234_567)); // stored as milliseconds
        Hold made = ledger.hold(create(owner, here, "200", "here.cz"));
        ledger.hold(create(owner, there, "100", "there.cz"));
        RecordingEvents otherEvents = new RecordingEvents();
        Ledger other = new Ledger(database.jdbi(), clock, otherEvents, Duration.ofHours(72));
        clock.advance(Duration.ofNanos(7_654_321));

        Hold capturedHere = ledger.capture(here);
        Hold capturedThere = other.capture(there); // a hold the other ledger has to read

        Hold stored = ledger.holdOf(here).orElseThrow();
        assertThat(List.of(made.createdAt(), made.expiresAt())).containsExactly(stored.createdAt(), stored.expiresAt());
        assertThat(capturedHere).isEqualTo(ledger.holdOf(here).orElseThrow());
        assertThat(capturedThere).isEqualTo(ledger.holdOf(there).orElseThrow());
        PrepaidCharged chargedHere = (PrepaidCharged) events.published().get(0);
        PrepaidCharged chargedThere = (PrepaidCharged) otherEvents.published().get(0);
        assertThat(chargedHere.entryId()).isEqualTo(capturedHere.entryId());
        assertThat(chargedThere.entryId()).isEqualTo(capturedThere.entryId());
        assertThat(List.of(chargedHere.accountId(), chargedHere.ownerId(), chargedHere.domain(), chargedHere.period(),
                chargedHere.chargedAt()))
                .containsExactly(account.id(), owner, DomainName.of("here.cz"), Period.years(1), capturedHere.settledAt());
        assertThat(List.of(chargedThere.accountId(), chargedThere.ownerId(), chargedThere.domain(), chargedThere.period(),
                chargedThere.chargedAt()))
                .containsExactly(account.id(), owner, DomainName.of("there.cz"), Period.years(1), capturedThere.settledAt());
        assertThat(ledger.entry(capturedHere.entryId()).orElseThrow().createdAt()).isEqualTo(chargedHere.chargedAt());
    }

    @DbTest
    void aRetriedHoldKeyNamingAnotherDomainChargesTheDomainFirstHeld(Database database) throws Exception {
        String retriedKey = "retried-" + owner;
        ledger.hold(create(owner, retriedKey, "150", "first.cz"));
        Hold retried = ledger.hold(create(owner, retriedKey, "150", "second.cz"));
        assertThat(retried.domain()).isEqualTo("first.cz");

        Hold captured = ledger.capture(retriedKey);

        assertThat(ledger.entry(captured.entryId()).orElseThrow().domain()).isEqualTo("first.cz");
        assertThat(events.published()).singleElement().isInstanceOfSatisfying(PrepaidCharged.class,
                event -> assertThat(event.domain()).isEqualTo(DomainName.of("first.cz")));
    }

    @DbTest
    void creationIsRefusedWithTheMissingAmountAndNothingIsHeld(Database database) {
        assertThatThrownBy(() -> ledger.hold(create(owner, "too-much", "1250", "big.cz")))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.missing()).isEqualTo(czk("250"));
                    assertThat(e.available()).isEqualTo(czk("1000"));
                });

        Account after = ledger.account(account.id()).orElseThrow();
        assertThat(after.held()).isEqualTo(czk("0"));
        assertThat(after.balance()).isEqualTo(czk("1000"));
        assertThat(ledger.holdOf("too-much")).isEmpty();
    }

    @DbTest
    void restoreNeedsAvailableBalanceLikeCreation(Database database) {
        assertThatThrownBy(() -> ledger.hold(request(owner, "restore-1", ChargeKind.DOMAIN_RESTORE, "1001", "old.cz")))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> assertThat(e.missing()).isEqualTo(czk("1")));
    }

    @DbTest
    void renewalsGoBelowZeroWithinTheCreditLineAndAreRefusedPastIt(Database database) throws Exception {
        ledger.hold(request(owner, "renew-1", ChargeKind.DOMAIN_RENEW, "1400", "one.cz"));
        ledger.capture("renew-1");
        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(czk("-400"));

        assertThatThrownBy(() -> ledger.hold(request(owner, "renew-2", ChargeKind.DOMAIN_RENEW, "150", "two.cz")))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> assertThat(e.missing()).isEqualTo(czk("50")));
        assertThatThrownBy(() -> ledger.hold(create(owner, "create-1", "1", "three.cz")))
                .as("creation never uses the credit line").isInstanceOf(InsufficientFundsException.class);

        ledger.setCreditLine(account.id(), czk("500"), true);
        ledger.hold(request(owner, "renew-3", ChargeKind.DOMAIN_RENEW, "150", "two.cz"));
        ledger.capture("renew-3");

        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(czk("-550"));
    }

    @DbTest
    void theSameKeyTenTimesMovesMoneyOnce(Database database) throws Exception {
        for (int i = 0; i < 10; i++) {
            ledger.hold(create(owner, "order-x", "100", "x.cz"));
            ledger.capture("order-x");
            ledger.topUp(account.id(), "bank-tx-77", czk("50"), "transfer", "bank");
        }

        Account after = ledger.account(account.id()).orElseThrow();
        assertThat(after.balance()).isEqualTo(czk("950"));
        assertThat(after.held()).isEqualTo(czk("0"));
        assertThat(ledger.entries(account.id(), EntryFilter.latest(100))).hasSize(3);
        assertThat(events.published()).hasSize(1);
    }

    @DbTest
    void aKeyUsedForAnotherMovementIsRefused(Database database) throws Exception {
        ledger.hold(create(owner, "order-y", "100", "y.cz"));

        assertThatThrownBy(() -> ledger.hold(create(owner, "order-y", "200", "y.cz")))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.KEY_REUSED));
        assertThatThrownBy(() -> ledger.topUp(account.id(), "topup-" + owner, czk("999"), null, "x"))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.KEY_REUSED));
    }

    @DbTest
    void releaseGivesTheAmountBackAndSettledHoldsStaySettled(Database database) throws Exception {
        ledger.hold(create(owner, "order-r", "400", "r.cz"));

        Hold released = ledger.release("order-r");
        ledger.release("order-r");

        assertThat(released.state()).isEqualTo(FundingHold.State.RELEASED);
        assertThat(ledger.account(account.id()).orElseThrow().available()).isEqualTo(czk("1000"));
        assertThatThrownBy(() -> ledger.capture("order-r"))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.HOLD_SETTLED));
        ledger.hold(create(owner, "order-c", "100", "c.cz"));
        ledger.capture("order-c");
        assertThatThrownBy(() -> ledger.release("order-c"))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.HOLD_SETTLED));
    }

    @DbTest
    void theDepositPaysForDomainServicesOnlyInItsCurrency(Database database) {
        assertThatThrownBy(() -> ledger.hold(request(owner, "hosting-1", ChargeKind.HOSTING, "100", null)))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.NOT_PAYABLE));
        assertThatThrownBy(() -> ledger.hold(FundingRequest.domain(IdempotencyKey.of("eur-1"), owner, ChargeKind.DOMAIN_CREATE,
                Money.of("10.00", "EUR"), DomainName.of("e.cz"), Period.years(1))))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.WRONG_CURRENCY));
        assertThat(ledger.account(account.id()).orElseThrow().held()).isEqualTo(czk("0"));
    }

    @DbTest
    void aReversalUndoesAnEntryOnce(Database database) throws Exception {
        ledger.hold(create(owner, "order-v", "250", "v.cz"));
        Hold captured = ledger.capture("order-v");

        Entry reversal = ledger.reverse(captured.entryId(), "reverse-v", "registry deleted the domain in its grace period", "operator");

        assertThat(reversal.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(reversal.amount()).isEqualTo(czk("250"));
        assertThat(ledger.account(account.id()).orElseThrow().balance()).isEqualTo(czk("1000"));
        assertThatThrownBy(() -> ledger.reverse(captured.entryId(), "reverse-v2", "again", "operator"))
                .isInstanceOf(LedgerException.class).hasMessageContaining("was reversed already");
        assertThatThrownBy(() -> ledger.adjust(account.id(), "adj-1", czk("10"), " ", "operator"))
                .isInstanceOf(LedgerException.class).hasMessage("a reason is required");
    }

    @DbTest
    void entriesFilterByKindAndTime(Database database) throws Exception {
        clock.advance(Duration.ofDays(2));
        ledger.hold(create(owner, "order-f", "100", "f.cz"));
        ledger.capture("order-f");
        ledger.adjust(account.id(), "adj-f", czk("-5"), "bank fee", "operator");

        List<Entry> charges = ledger.entries(account.id(), new EntryFilter(null, null, Set.of(EntryKind.CHARGE), 50, 0));
        List<Entry> recent = ledger.entries(account.id(),
                new EntryFilter(Instant.parse("2026-11-03T00:00:00Z"), null, Set.of(), 50, 0));

        assertThat(charges).extracting(Entry::idempotencyKey).containsExactly("order-f:capture");
        assertThat(recent).extracting(Entry::kind).containsExactly(EntryKind.ADJUSTMENT, EntryKind.CHARGE);
    }

    @DbTest
    void reconciliationProvesTheBalanceAndFindsTamperingAndStaleHolds(Database database) throws Exception {
        ledger.hold(create(owner, "order-s", "100", "s.cz"));
        ledger.hold(create(owner, "order-t", "100", "t.cz"));
        ledger.capture("order-t");
        Reconciliation reconciliation = new Reconciliation(database.jdbi(), clock);
        assertThat(reconciliation.run().problems()).isEmpty();

        clock.advance(Duration.ofHours(73));
        database.jdbi().useHandle(h -> h.execute(
                "UPDATE prepaid_account_account SET balance_minor = balance_minor + 1 WHERE id = ?", account.id()));
        ReconciliationReport report = reconciliation.run();

        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem)
                .contains(account.id()).contains("balance 90001 but its entries sum to 90000"));
        assertThat(report.staleHolds()).contains("order-s").doesNotContain("order-t");
        assertThat(report.clean()).isFalse();
    }

    private static Money czk(String amount) {
        return Money.of(amount, "CZK");
    }

    private static FundingRequest create(String owner, String key, String amount, String domain) {
        return request(owner, key, ChargeKind.DOMAIN_CREATE, amount, domain);
    }

    private static FundingRequest request(String owner, String key, ChargeKind kind, String amount, String domain) {
        return new FundingRequest(IdempotencyKey.of(key), owner, kind, czk(amount), null, null,
                domain == null ? null : DomainName.of(domain), domain == null ? null : Period.years(1), "test " + kind);
    }
}
