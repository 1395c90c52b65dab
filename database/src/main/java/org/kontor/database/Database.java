package org.kontor.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A connection pool and the {@link Jdbi} over it: the one database of a host, shared with its plugins.
 *
 * <p>SQLite runs in WAL mode with a busy timeout, foreign keys on, synchronous NORMAL and IMMEDIATE
 * transactions: a transaction takes the write lock when it begins, so two writers never deadlock while
 * upgrading a read lock. {@link Instant}s are stored as epoch milliseconds (BIGINT) on both databases.
 */
public final class Database implements AutoCloseable {

    /** How long an SQLite writer waits for the lock before failing. */
    public static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    public Database(DatabaseConfig config) {
        this(config, new SqliteStatementCache());
    }

    Database(DatabaseConfig config, SqliteStatementCache statementCache) {
        this.config = config;
        this.dataSource = new HikariDataSource(hikariConfig(config));
        this.jdbi = Jdbi.create(dataSource);
        jdbi.registerArgument(new InstantAsEpochMillis.ArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, new InstantAsEpochMillis.Mapper());
        if (config.dialect() == Dialect.SQLITE) {
            jdbi.setStatementBuilderFactory(statementCache);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return config.dialect();
    }

    public DatabaseConfig config() {
        return config;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static HikariConfig hikariConfig(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("kontor-" + config.dialect().name().toLowerCase(java.util.Locale.ROOT));
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(1, config.poolSize()));
        if (config.dialect() == Dialect.SQLITE) {
            hikari.setDataSource(sqliteDataSource(config.jdbcUrl()));
        } else {
            hikari.setJdbcUrl(config.jdbcUrl());
            hikari.setUsername(config.user());
            hikari.setPassword(config.password());
        }
        return hikari;
    }

    private static SQLiteDataSource sqliteDataSource(String url) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        sqlite.enforceForeignKeys(true);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(url);
        return dataSource;
    }
}
