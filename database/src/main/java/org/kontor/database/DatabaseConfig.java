package org.kontor.database;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param jdbcUrl  {@code jdbc:sqlite:/path/kontor.db} (the embedded default) or {@code jdbc:postgresql://…}
 * @param user     null for SQLite or when the URL carries it
 * @param password null for SQLite or when the URL carries it
 * @param poolSize the most connections the pool keeps open, at least 1
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect.fromUrl(jdbcUrl);
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
    }

    /** An SQLite database in one file, created when absent. */
    public static DatabaseConfig sqlite(Path file, int poolSize) {
        return new DatabaseConfig("jdbc:sqlite:" + file.toAbsolutePath(), null, null, poolSize);
    }

    public Dialect dialect() {
        return Dialect.fromUrl(jdbcUrl);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
