package org.kontor.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Copies SQLite's write-ahead log into the database file from a thread and connection of its own. Left to
 * SQLite, the commit that takes the log past 1,000 pages copies all of them and syncs both files before it
 * returns, while every other writer waits for the one write lock; on a busy host that is a large share of
 * the time writes take.
 *
 * <p>Every {@code interval} a passive checkpoint copies what has been committed, without blocking anyone.
 * Under steady writing the log is never found fully copied, and it starts over only once it has been, so the
 * writers still checkpoint themselves when the log passes {@link #WRITER_PAGES} pages
 * ({@code wal_autocheckpoint}, set on the pool's connections): by then all but the last few pages have been
 * copied here, and the writer's part is short. Should this thread stop, writers do all of it, as SQLite does
 * by default.
 */
final class SqliteCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);

    static final Duration INTERVAL = Duration.ofMillis(50);
    /** The log size at which a writer checkpoints, and the log starts over: 64 MiB of 4 KiB pages. */
    static final int WRITER_PAGES = 16_384;

    private final String url;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long passes;

    SqliteCheckpointer(String url, Duration interval) {
        this.url = url;
        this.interval = interval;
        this.thread = new Thread(this::run, "kontor-sqlite-checkpoint");
        thread.setDaemon(true);
    }

    /** A checkpointer of {@code url} every {@link #INTERVAL}, not started. */
    SqliteCheckpointer(String url) {
        this(url, INTERVAL);
    }

    SqliteCheckpointer start() {
        thread.start();
        return this;
    }

    /** Checkpoints run so far (for tests). */
    long passes() {
        return passes;
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(Database.SQLITE_BUSY_TIMEOUT_MILLIS);
        try (Connection connection = config.createConnection(url); Statement statement = connection.createStatement()) {
            while (running) {
                Thread.sleep(interval.toMillis());
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                passes++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            if (running) {
                LOG.warn("SQLite checkpoints stopped; writers copy the log themselves", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
