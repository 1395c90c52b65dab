package org.kontor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.kontor.database.Database;

/** The SQLite connection settings, checked on a connection from the pool. */
class SqliteSettingsTest {

    @Test
    void usesWalBusyTimeoutForeignKeysAndSynchronousNormal() {
        try (TestDatabase test = TestDatabase.sqlite()) {
            Database db = test.database();
            db.jdbi().useHandle(h -> {
                assertThat(pragma(h, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(h, "busy_timeout")).isEqualTo(String.valueOf(Database.SQLITE_BUSY_TIMEOUT_MILLIS));
                assertThat(pragma(h, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(h, "synchronous")).isEqualTo("1");
            });
        }
    }

    /**
     * Read-then-write transactions from several threads: with deferred transactions two readers would both
     * need to upgrade their lock and one fails with SQLITE_BUSY at once; IMMEDIATE transactions wait instead.
     */
    @Test
    void concurrentReadThenWriteTransactionsNeverFail() throws Exception {
        try (TestDatabase test = TestDatabase.sqlite()) {
            Database db = test.database();
            db.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value BIGINT NOT NULL)");
                h.execute("INSERT INTO counter (id, value) VALUES (1, 0)");
            });
            int threads = 4;
            int rounds = 50;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        db.jdbi().useTransaction(h -> {
                            long value = h.createQuery("SELECT value FROM counter WHERE id = 1").mapTo(Long.class).one();
                            h.execute("UPDATE counter SET value = ? WHERE id = 1", value + 1);
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get();
            }
            pool.shutdown();
            long value = db.jdbi().withHandle(h -> h.createQuery("SELECT value FROM counter").mapTo(Long.class).one());
            assertThat(value).isEqualTo((long) threads * rounds);
        }
    }

    private static String pragma(Handle h, String name) {
        return h.createQuery("PRAGMA " + name).mapTo(String.class).one();
    }
}
