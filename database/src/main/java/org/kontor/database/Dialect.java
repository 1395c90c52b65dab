package org.kontor.database;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The two databases Kontor runs on. The SQL is the same on both (BIGINT minor units and epoch millis,
 * TEXT ids, INTEGER 0/1 flags, {@code INSERT … ON CONFLICT}); the few differences live here.
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /**
     * @throws IllegalArgumentException for any other JDBC URL
     */
    public static Dialect fromUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "': use jdbc:sqlite:<file> or jdbc:postgresql://host/db");
    }

    /**
     * The row-locking suffix of a SELECT that is followed by an UPDATE in the same transaction. SQLite
     * needs none: its IMMEDIATE transactions already hold the write lock.
     */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    /** Like {@link #forUpdate()}, but rows another transaction has locked are skipped, not waited for. */
    public String forUpdateSkipLocked() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** Whether the failure (or one of its causes) is a primary key or unique constraint violation. */
    public boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (this == POSTGRESQL && "23505".equals(sql.getSQLState())) {
                    return true;
                }
                // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067)
                if (this == SQLITE && (sql.getErrorCode() == 1555 || sql.getErrorCode() == 2067
                        || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
