package org.kontor.host.billing.corrections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.host.billing.corrections.Books.line;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Corrections at once, through two sets of services on one database (as two hosts would): cancellations give one
 * credit note, partial credits together never exceed the line.
 */
@DatabaseTest(migrateHost = true)
class ConcurrentCorrectionsTest {

    private static final int THREADS = 8;

    @DbTest
    void cancellationsAtOnceGiveOneCreditNote(Database db) throws Exception {
        Books hostA = Books.on(db);
        Books hostB = Books.on(db);
        Invoice original = hostA.issued(Books.danishCustomer(), "DKK", line("Hosting", "2", "150.00", "DKK"));

        List<Correction> results = race(i -> () -> (i % 2 == 0 ? hostA : hostB).corrections()
                .cancel(original.id(), "cancelled by " + i));

        assertThat(results).extracting(correction -> correction.creditNote().id()).containsOnly(
                results.get(0).creditNote().id());
        assertThat(results).filteredOn(Correction::created).hasSize(1);
        assertThat(results).extracting(correction -> correction.creditNote().number()).doesNotContainNull();
        int notes = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM invoice WHERE corrects_id = :id")
                .bind("id", original.id()).mapTo(Integer.class).one());
        assertThat(notes).isEqualTo(1);
    }

    @DbTest
    void partialCreditsAtOnceNeverExceedTheLine(Database db) throws Exception {
        Books hostA = Books.on(db);
        Books hostB = Books.on(db);
        Invoice original = hostA.issued(Books.danishCustomer(), "DKK", line("Support", "1", "100.00", "DKK"));

        List<Object> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Correction>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Books books = i % 2 == 0 ? hostA : hostB;
                futures.add(pool.submit(() -> {
                    start.await();
                    return books.corrections().credit(original.id(), "goodwill",
                            List.of(CreditLine.amount(1, Money.of("30.00", "DKK"))));
                }));
            }
            start.countDown();
            for (Future<Correction> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn(Correction.class::isInstance).hasSize(3);
        assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof Correction))
                .allMatch(CorrectionRefused.class::isInstance).hasSize(THREADS - 3);
        LineBalance line = hostB.corrections().balance(original.id()).get(0);
        assertThat(line.creditedNet()).isEqualTo(Money.of("90.00", "DKK"));
        assertThat(line.creditedVat()).isEqualTo(Money.of("22.50", "DKK"));
    }

    private static List<Correction> race(java.util.function.IntFunction<Callable<Correction>> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Correction>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<Correction> call = attempt.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Correction> results = new ArrayList<>();
            for (Future<Correction> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
