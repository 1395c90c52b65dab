package org.kontor.plugins.prepaidaccount.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.RecordingEvents;

/**
 * Concurrent holds and settlements of one owner commit together (on SQLite all owners share the group, on
 * PostgreSQL an owner's group): a refused call among them leaves no hold, no entry, no event and no
 * after-commit work, and every other call takes effect exactly once.
 */
@DatabaseTest(plugins = "prepaid-account")
class LedgerGroupCommitTest {

    @DbTest
    void aRefusedHoldAmongGroupedCallsLeavesNoTraceAndTheOthersTakeEffectOnce(Database database) throws Exception {
        RecordingEvents events = new RecordingEvents();
        CountDownLatch leading = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        List<String> committedEntries = new CopyOnWriteArrayList<>();
        Map<String, Integer> entriesSeen = new ConcurrentHashMap<>();
        Ledger ledger = new Ledger(database.jdbi(), Clock.systemUTC(), events, Duration.ofHours(1), (h, entry, threshold) -> {
            entriesSeen.merge(entry.idempotencyKey(), 1, Integer::sum);
            h.afterCommit(() -> committedEntries.add(entry.idempotencyKey()));
            if (entry.idempotencyKey().equals("slow:capture")) {
                leading.countDown();
                try {
                    proceed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        String owner = "reseller-" + System.nanoTime();
        String scheme = "scheme-" + System.nanoTime();
        ledger.createScheme(scheme, "CZK partners", czk("0").currency(), czk("0"), true, czk("0"));
        Account account = ledger.activate(ledger.apply(owner, scheme).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + owner, czk("1000"), null, "operator");
        ledger.hold(create(owner, "key-1", "100"));
        ledger.hold(create(owner, "key-2", "200"));
        ledger.hold(create(owner, "slow", "50"));
        committedEntries.clear();
        entriesSeen.clear();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        Future<Hold> slow = threads.submit(() -> ledger.capture("slow"));
        assertThat(leading.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Hold> first = threads.submit(() -> ledger.capture("key-1"));
        awaitWaiting(ledger, 1);
        Future<Hold> refused = threads.submit(() -> ledger.hold(create(owner, "too-much", "900")));
        awaitWaiting(ledger, 2);
        Future<Hold> second = threads.submit(() -> ledger.capture("key-2"));
        awaitWaiting(ledger, 3);
        proceed.countDown();

        assertThat(slow.get(30, TimeUnit.SECONDS).state()).isEqualTo(FundingHold.State.CAPTURED);
        assertThat(first.get(30, TimeUnit.SECONDS).state()).isEqualTo(FundingHold.State.CAPTURED);
        assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(InsufficientFundsException.class);
        assertThat(second.get(30, TimeUnit.SECONDS).state()).isEqualTo(FundingHold.State.CAPTURED);
        threads.shutdown();

        assertThat(entriesSeen.get("key-1:capture")).as("key-1 ran in the rolled-back group and again alone").isEqualTo(2);
        assertThat(committedEntries).containsExactlyInAnyOrder("slow:capture", "key-1:capture", "key-2:capture");
        assertThat(events.published()).hasSize(3).allMatch(PrepaidCharged.class::isInstance);
        assertThat(ledger.holdOf("too-much")).isEmpty();
        Account after = ledger.account(account.id()).orElseThrow();
        assertThat(after.balance()).isEqualTo(czk("650"));
        assertThat(after.held()).isEqualTo(czk("0"));
        assertThat(ledger.entries(account.id(), EntryFilter.latest(100))).hasSize(4);
        assertThat(new Reconciliation(database.jdbi(), Clock.systemUTC()).run().problems()).isEmpty();
    }

    private static void awaitWaiting(Ledger ledger, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ledger.callsWaitingForCommit() < calls && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(ledger.callsWaitingForCommit()).isEqualTo(calls);
    }

    private static FundingRequest create(String owner, String key, String amount) {
        return FundingRequest.domain(IdempotencyKey.of(key), owner, ChargeKind.DOMAIN_CREATE, czk(amount),
                DomainName.of("group.cz"), Period.years(1));
    }

    private static Money czk(String amount) {
        return Money.of(amount, "CZK");
    }
}
