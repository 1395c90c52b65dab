package org.kontor.host.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.host.billing.Fixtures.DKK;
import static org.kontor.host.billing.Fixtures.draft;
import static org.kontor.host.billing.Fixtures.line;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * 16 threads issue at once, through two stores with connection pools of their own (as two hosts on one database
 * have): the numbers are 1..N without a gap or a duplicate (BIL-8).
 */
@DatabaseTest(migrateHost = true)
class ConcurrentNumberingTest {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 4;

    @DbTest
    void sixteenThreadsGetNumbersOneToNWithoutGapOrDuplicate(Database db) throws Exception {
        InvoiceStore hostA = Fixtures.store(db);
        Database secondHost = new Database(db.config());
        InvoiceStore hostB = Fixtures.store(secondHost);
        LocalDate date = LocalDate.of(2027, 6, 1);
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < THREADS * PER_THREAD; i++) {
            drafts.add(hostA.createDraft(draft(null, DKK, line("Hosting " + i, "1", "10.00", "DKK"))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                InvoiceStore store = t % 2 == 0 ? hostA : hostB;
                List<String> mine = drafts.subList(t * PER_THREAD, (t + 1) * PER_THREAD);
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> numbers = new ArrayList<>();
                    for (String id : mine) {
                        numbers.add(store.issue(id, Fixtures.domestic(date)).number());
                    }
                    return numbers;
                }));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<List<String>> result : results) {
                numbers.addAll(result.get());
            }

            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, THREADS * PER_THREAD)
                    .mapToObj(n -> "INV-2027-%06d".formatted(n)).toList());
        } finally {
            pool.shutdownNow();
            secondHost.close();
        }
    }
}
