package org.kontor.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCheckpointerTest {

    @TempDir
    Path temp;

    @Test
    void writersCheckpointOnlyALargeLogAndTheFileIsReadThroughAMemoryMap() {
        try (Database database = new Database(DatabaseConfig.sqlite(temp.resolve("settings.db"), 1))) {
            Jdbi jdbi = database.jdbi();
            int autoCheckpoint = jdbi.withHandle(h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one());
            long mmap = jdbi.withHandle(h -> h.createQuery("PRAGMA mmap_size").mapTo(Long.class).one());
            assertThat(autoCheckpoint).isEqualTo(SqliteCheckpointer.WRITER_PAGES);
            assertThat(mmap).isEqualTo(Database.SQLITE_MMAP_BYTES);
            assertThat(database.checkpointer().isRunning()).isTrue();
        }
    }

    @Test
    void committedPagesAreCopiedIntoTheDatabaseFileWhileWritersOnlyAppendToTheLog() throws Exception {
        Path file = temp.resolve("log.db");
        try (Database database = new Database(DatabaseConfig.sqlite(file, 1));
             SqliteCheckpointer checkpointer = new SqliteCheckpointer(database.config().jdbcUrl(), Duration.ofMillis(5))) {
            database.checkpointer().close(); // only the one started here, so that its passes can be counted
            Jdbi jdbi = database.jdbi();
            jdbi.useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
            String body = "x".repeat(3_000); // about a page per row
            for (int i = 0; i < 2_000; i++) {
                int id = i;
                jdbi.useTransaction(h -> h.createUpdate("INSERT INTO t (id, body) VALUES (:id, :body)")
                        .bind("id", id).bind("body", body).execute());
            }
            long beforeCopy = Files.size(file);
            assertThat(beforeCopy).as("2,000 pages are in the log only: fewer than a writer checkpoints")
                    .isLessThan(2_000L * 4_096 / 4);

            checkpointer.start();
            for (int i = 0; i < 500 && checkpointer.passes() < 2; i++) {
                Thread.sleep(10);
            }
            assertThat(checkpointer.passes()).isGreaterThanOrEqualTo(2);
            assertThat(Files.size(file)).as("the rows copied into the database file").isGreaterThan(2_000L * 3_000);
            int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(2_000);
        }
        try (Database reopened = new Database(DatabaseConfig.sqlite(file, 1))) {
            Jdbi jdbi = reopened.jdbi();
            String integrity = jdbi.withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
            int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one());
            assertThat(integrity).isEqualTo("ok");
            assertThat(rows).isEqualTo(2_000);
        }
    }

    @Test
    void closingTheDatabaseStopsItsCheckpointer() {
        Database database = new Database(DatabaseConfig.sqlite(temp.resolve("closing.db"), 1));
        SqliteCheckpointer checkpointer = database.checkpointer();
        assertThat(checkpointer.isRunning()).isTrue();
        database.close();
        assertThat(checkpointer.isRunning()).isFalse();
    }
}
