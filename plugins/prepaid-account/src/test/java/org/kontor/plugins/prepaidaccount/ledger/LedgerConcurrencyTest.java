package org.kontor.plugins.prepaidaccount.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
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

/** Many threads against one account: the rules hold under contention, on both databases. */
@DatabaseTest(plugins = "prepaid-account")
class LedgerConcurrencyTest {

    private static final int THREADS = 32;

    @DbTest
    void racingHoldsSucceedExactlyAsFarAsTheBalanceCovers(Database database) throws Exception {
        Ledger ledger = new Ledger(database.jdbi(), Clock.systemUTC(), new RecordingEvents(), Duration.ofHours(1));
        String owner = openAccountWith(ledger, "1000");
        AtomicInteger refused = new AtomicInteger();

        List<Boolean> results = race(i -> {
            try {
                ledger.hold(create(owner, "race-" + owner + "-" + i, "100", ChargeKind.DOMAIN_CREATE));
                return true;
            } catch (InsufficientFundsException e) {
                refused.incrementAndGet();
                return false;
            }
        });

        Account account = ledger.accountOfOwner(owner).orElseThrow();
        assertThat(results.stream().filter(ok -> ok).count()).isEqualTo(10);
        assertThat(refused.get()).isEqualTo(THREADS - 10);
        assertThat(account.held()).isEqualTo(czk("1000"));
        assertThat(account.available()).isEqualTo(czk("0"));
        assertThat(new Reconciliation(database.jdbi(), Clock.systemUTC()).run().problems()).isEmpty();
    }

    @DbTest
    void racingRenewalsNeverPassTheCreditLine(Database database) throws Exception {
        Ledger ledger = new Ledger(database.jdbi(), Clock.systemUTC(), new RecordingEvents(), Duration.ofHours(1));
        String owner = openAccountWith(ledger, "250");

        race(i -> {
            String key = "renew-" + owner + "-" + i;
            try {
                ledger.hold(create(owner, key, "100", ChargeKind.DOMAIN_RENEW));
            } catch (InsufficientFundsException e) {
                return false;
            }
            if (i % 3 == 0) {
                ledger.release(key);
            } else {
                ledger.capture(key);
            }
            return true;
        });

        Account account = ledger.accountOfOwner(owner).orElseThrow();
        assertThat(account.balance().minus(account.held()).isLessThan(czk("-500"))).as("below the credit line").isFalse();
        assertThat(account.held()).isEqualTo(czk("0"));
        assertThat(new Reconciliation(database.jdbi(), Clock.systemUTC()).run().problems()).isEmpty();
    }

    @DbTest
    void theSameKeyFromManyThreadsHoldsOnce(Database database) throws Exception {
        Ledger ledger = new Ledger(database.jdbi(), Clock.systemUTC(), new RecordingEvents(), Duration.ofHours(1));
        String owner = openAccountWith(ledger, "1000");
        String key = "same-" + owner;

        race(i -> {
            ledger.hold(create(owner, key, "100", ChargeKind.DOMAIN_CREATE));
            ledger.capture(key);
            return true;
        });

        Account account = ledger.accountOfOwner(owner).orElseThrow();
        assertThat(account.balance()).isEqualTo(czk("900"));
        assertThat(account.held()).isEqualTo(czk("0"));
        assertThat(ledger.entries(account.id(), EntryFilter.latest(100))).hasSize(2);
    }

    /**
     * Many owners at once, so that on PostgreSQL several groups commit side by side; half the settlements go
     * through a second ledger that did not make the hold (it reads the hold's owner to find the group).
     * Every owner ends with exactly its deposit less what was captured, and nothing is left held.
     */
    @DbTest
    void manyOwnersSettlingInParallelGroupsLoseAndCreateNothing(Database database) throws Exception {
        RecordingEvents events = new RecordingEvents();
        Ledger ledger = new Ledger(database.jdbi(), Clock.systemUTC(), events, Duration.ofHours(1));
        Ledger other = new Ledger(database.jdbi(), Clock.systemUTC(), events, Duration.ofHours(1));
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            owners.add(openAccountWith(ledger, "10000"));
        }
        int rounds = 20;
        AtomicInteger captured = new AtomicInteger();

        race(thread -> {
            for (int round = 0; round < rounds; round++) {
                String owner = owners.get((thread + round) % owners.size());
                String key = "many-" + owner + "-" + thread + "-" + round;
                ledger.hold(create(owner, key, "10", ChargeKind.DOMAIN_CREATE));
                Ledger settling = round % 2 == 0 ? ledger : other;
                if ((thread + round) % 3 == 0) {
                    settling.release(key);
                    assertThat(settling.release(key).state()).as("a retried release").isEqualTo(FundingHold.State.RELEASED);
                } else {
                    settling.capture(key);
                    assertThat(settling.capture(key).state()).as("a retried capture").isEqualTo(FundingHold.State.CAPTURED);
                    captured.incrementAndGet();
                }
            }
            return true;
        });

        Money total = czk("0");
        for (String owner : owners) {
            Account account = ledger.accountOfOwner(owner).orElseThrow();
            assertThat(account.held()).isEqualTo(czk("0"));
            total = total.plus(account.balance());
        }
        assertThat(total).isEqualTo(czk("120000").minus(czk("10").times(captured.get())));
        assertThat(events.published()).hasSize(captured.get());
        assertThat(new Reconciliation(database.jdbi(), Clock.systemUTC()).run().problems()).isEmpty();
    }

    private interface Attempt {
        boolean run(int index) throws Exception;
    }

    private static List<Boolean> race(Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                start.await();
                return attempt.run(index);
            }));
        }
        start.countDown();
        List<Boolean> results = new ArrayList<>();
        for (Future<Boolean> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    private static String openAccountWith(Ledger ledger, String balance) {
        String scheme = "scheme-" + System.nanoTime();
        ledger.createScheme(scheme, "CZK partners", Currency.getInstance("CZK"), czk("0"), true, czk("500"));
        String owner = "reseller-" + System.nanoTime();
        Account account = ledger.activate(ledger.apply(owner, scheme).id(), "operator");
        ledger.topUp(account.id(), "deposit-" + owner, czk(balance), null, "operator");
        return owner;
    }

    private static FundingRequest create(String owner, String key, String amount, ChargeKind kind) {
        return FundingRequest.domain(IdempotencyKey.of(key), owner, kind, czk(amount), DomainName.of("race.cz"), Period.years(1));
    }

    private static Money czk(String amount) {
        return Money.of(amount, "CZK");
    }
}
