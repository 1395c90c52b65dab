package org.kontor.plugins.prepaidaccount.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.event.PrepaidCharged;
import org.kontor.api.event.PreparedEvent;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.funding.FundingHold;
import org.kontor.api.funding.FundingRequest;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.plugins.prepaidaccount.ledger.MovementsTogether.Movement;
import org.kontor.plugins.prepaidaccount.ledger.MovementsTogether.Reserve;
import org.kontor.plugins.prepaidaccount.ledger.MovementsTogether.Settle;
import org.kontor.testkit.DatabaseKind;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.TestDatabase;

/**
 * The set-wise holds and settlements of a group on PostgreSQL (SQLite runs each call's own statements): what
 * they do must be what the calls one after another would have done, and what they cannot do all or nothing
 * per account they leave to the calls.
 */
@EnabledIfEnvironmentVariable(named = "KONTOR_TEST_PG_URL", matches = ".+")
class MovementsTogetherTest {

    private TestDatabase database;
    private final RecordingEvents events = new RecordingEvents();
    private final List<Entry> entriesTold = new ArrayList<>();
    private Ledger ledger;
    private MovementsTogether together;

    @BeforeEach
    void database() {
        database = TestDatabase.of(DatabaseKind.POSTGRESQL);
        database.migratePlugins(getClass().getClassLoader(), "prepaid-account");
        Clock clock = Clock.systemUTC();
        MovementListener listener = (h, entry, threshold) -> entriesTold.add(entry);
        ledger = new Ledger(database.database().jdbi(), clock, events, Duration.ofHours(1), listener);
        together = new MovementsTogether(new PreparedStatements(), clock, Duration.ofHours(1),
                () -> UUID.randomUUID().toString(), events, listener);
        ledger.createScheme("partners", "Partners", czk("0").currency(), czk("0"), true, czk("500"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void holdsAreMadeTogetherForEachAccountThatCoversAllOfThemAndLeftToTheirCallsForAnAccountThatDoesNot()
            throws Exception {
        Account rich = account("rich", "1000");
        Account poor = account("poor", "300");
        Account webhost = account("webhost", "1000");
        ledger.hold(create("rich", "taken", "10"));

        Object[] done = run(
                new Reserve(create("rich", "r1", "400")),
                new Reserve(create("poor", "p1", "200")),
                new Reserve(create("rich", "r2", "500")),
                new Reserve(create("poor", "p2", "200")),
                new Reserve(create("rich", "taken", "10")),
                new Reserve(create("nobody", "n1", "1")),
                new Reserve(new FundingRequest(IdempotencyKey.of("hosting"), "webhost", ChargeKind.HOSTING, czk("1"), null,
                        null, null, null, "hosting")));

        assertThat(done[0]).isInstanceOfSatisfying(Hold.class, hold -> {
            assertThat(hold.accountId()).isEqualTo(rich.id());
            assertThat(hold.amount()).isEqualTo(czk("400"));
            assertThat(hold.domain()).isEqualTo("example.dk");
            assertThat(hold.period()).isEqualTo("1y");
            assertThat(hold.state()).isEqualTo(FundingHold.State.ACTIVE);
            assertThat(ledger.holdOf("key-r1")).contains(hold);
        });
        assertThat(done[2]).isInstanceOf(Hold.class);
        assertThat(Arrays.asList(done).subList(3, 7)).as("a hold key used before, an owner without an account and "
                + "a service the deposit does not pay are left to their calls").containsOnlyNulls();
        assertThat(done[1]).as("the poor account covers its first hold only: both are left to their calls").isNull();
        assertThat(done[3]).isNull();
        assertThat(ledger.account(rich.id()).orElseThrow().held()).isEqualTo(czk("910"));
        assertThat(ledger.account(poor.id()).orElseThrow().held()).isEqualTo(czk("0"));
        assertThat(ledger.account(webhost.id()).orElseThrow().held()).isEqualTo(czk("0"));
        assertThat(ledger.holdOf("key-p1")).isEmpty();
        assertThat(ledger.holdOf("key-n1")).isEmpty();
        assertThat(ledger.holdOf("hosting")).isEmpty();
    }

    @Test
    void renewalsTogetherMayUseTheCreditLineAndACreationAmongThemMayNot() throws Exception {
        Account renewing = account("renewing", "100");

        Object[] within = run(new Reserve(renew("renewing", "a", "300")), new Reserve(renew("renewing", "b", "300")));
        assertThat(within).allMatch(Hold.class::isInstance);
        assertThat(ledger.account(renewing.id()).orElseThrow().held()).isEqualTo(czk("600"));

        Object[] past = run(new Reserve(renew("renewing", "c", "1")), new Reserve(create("renewing", "d", "1")));
        assertThat(past).as("the credit line of 500 is used up, and a creation needs the available balance")
                .containsOnlyNulls();
        assertThat(ledger.account(renewing.id()).orElseThrow().held()).isEqualTo(czk("600"));
    }

    @Test
    void settlementsTogetherWriteTheChargesInOrderWithTheirBalancesAndLeaveASettledHoldToItsCall() throws Exception {
        Account account = account("settling", "1000");
        Hold first = ledger.hold(create("settling", "h1", "100"));
        Hold released = ledger.hold(create("settling", "h2", "200"));
        Hold second = ledger.hold(create("settling", "h3", "300"));
        Hold settledBefore = ledger.hold(create("settling", "h4", "50"));
        ledger.release("key-h4");
        long entriesBefore = ledger.entries(account.id(), EntryFilter.latest(1000)).size();
        entriesTold.clear();
        int eventsBefore = events.published().size();

        // The later hold first: the group's order, not the holds' own, numbers the entries.
        Object[] done = run(capture(second), release(released), capture(first), capture(settledBefore));

        assertThat(done[0]).isInstanceOfSatisfying(Hold.class, hold -> {
            assertThat(hold.state()).isEqualTo(FundingHold.State.CAPTURED);
            assertThat(hold.entryId()).isEqualTo("entry-key-h3");
        });
        assertThat(((Hold) done[1]).state()).isEqualTo(FundingHold.State.RELEASED);
        assertThat(((Hold) done[2]).entryId()).isEqualTo("entry-key-h1");
        assertThat(done[3]).as("a hold settled before is left to its call, which says so").isNull();

        Account after = ledger.account(account.id()).orElseThrow();
        assertThat(after.balance()).isEqualTo(czk("600"));
        assertThat(after.held()).isEqualTo(czk("0"));
        List<Entry> charges = ledger.entries(account.id(), EntryFilter.latest(1000)).stream()
                .filter(entry -> entry.kind() == EntryKind.CHARGE).toList();
        assertThat(charges).extracting(Entry::id).containsExactlyInAnyOrder("entry-key-h1", "entry-key-h3");
        Entry h1 = charges.stream().filter(e -> e.id().equals("entry-key-h1")).findFirst().orElseThrow();
        Entry h3 = charges.stream().filter(e -> e.id().equals("entry-key-h3")).findFirst().orElseThrow();
        assertThat(h3.sequence()).isEqualTo(entriesBefore + 1);
        assertThat(h3.balanceAfter()).isEqualTo(czk("700"));
        assertThat(h1.sequence()).isEqualTo(entriesBefore + 2);
        assertThat(h1.balanceAfter()).isEqualTo(czk("600"));
        assertThat(h1.idempotencyKey()).isEqualTo("key-h1:capture");
        assertThat(entriesTold).containsExactly(h3, h1);
        assertThat(events.published().subList(eventsBefore, events.published().size()))
                .extracting(event -> ((PrepaidCharged) event).entryId()).containsExactly("entry-key-h3", "entry-key-h1");
        assertThat(new Reconciliation(database.database().jdbi(), Clock.systemUTC()).run().problems()).isEmpty();
    }

    @Test
    void anAccountWhoseHoldsDisagreeFailsTheWholeGroup() throws Exception {
        Account account = account("disagreeing", "1000");
        Hold hold = ledger.hold(create("disagreeing", "h", "100"));
        database.database().jdbi().useHandle(h -> h.execute(
                "UPDATE prepaid_account_account SET held_minor = 0 WHERE id = ?", account.id()));

        assertThatThrownBy(() -> run(capture(hold))).hasMessageContaining("would hold less than nothing");
        assertThat(ledger.holdOf("key-h").orElseThrow().state()).isEqualTo(FundingHold.State.ACTIVE);
    }

    private Object[] run(Movement... work) throws Exception {
        return database.database().jdbi().inTransaction(h -> together.run(h, List.of(work)));
    }

    private Settle capture(Hold hold) {
        Instant at = Instant.ofEpochMilli(System.currentTimeMillis());
        String entryId = "entry-" + hold.idempotencyKey();
        PreparedEvent event = events.prepare(new PrepaidCharged(hold.accountId(), "owner", entryId, hold.kind(),
                DomainName.of(hold.domain()), Period.years(1), hold.amount(), hold.net(), hold.tax(), at));
        return new Settle(hold, FundingHold.State.CAPTURED, entryId, at, event);
    }

    private static Settle release(Hold hold) {
        return new Settle(hold, FundingHold.State.RELEASED, null, Instant.ofEpochMilli(System.currentTimeMillis()), null);
    }

    private Account account(String owner, String deposit) {
        Account account = ledger.activate(ledger.apply(owner, "partners").id(), "operator");
        ledger.topUp(account.id(), "deposit-" + owner, czk(deposit), null, "operator");
        return account;
    }

    private static FundingRequest create(String owner, String key, String amount) {
        return FundingRequest.domain(IdempotencyKey.of("key-" + key), owner, ChargeKind.DOMAIN_CREATE, czk(amount),
                DomainName.of("example.dk"), Period.years(1));
    }

    private static FundingRequest renew(String owner, String key, String amount) {
        return FundingRequest.domain(IdempotencyKey.of("key-" + key), owner, ChargeKind.DOMAIN_RENEW, czk(amount),
                DomainName.of("example.dk"), Period.years(1));
    }

    private static Money czk(String amount) {
        return Money.of(amount, "CZK");
    }
}
