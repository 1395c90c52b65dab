package org.kontor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.kontor.database.Database;
import org.kontor.database.DatabaseConfig;

/**
 * One throw-away database for one test class: an SQLite file in a temporary folder, or a PostgreSQL schema
 * with a random name. Closing it closes the pool and deletes the file or drops the schema.
 */
public final class TestDatabase implements AutoCloseable {

    private static final int POOL_SIZE = 4;

    private final DatabaseKind kind;
    private final Database database;
    private final Runnable cleanUp;

    private TestDatabase(DatabaseKind kind, Database database, Runnable cleanUp) {
        this.kind = kind;
        this.database = database;
        this.cleanUp = cleanUp;
    }

    /** A fresh SQLite database in a new temporary folder. */
    public static TestDatabase sqlite() {
        try {
            Path dir = Files.createTempDirectory("kontor-test-db");
            Database database = new Database(DatabaseConfig.sqlite(dir.resolve("test.db"), POOL_SIZE));
            return new TestDatabase(DatabaseKind.SQLITE, database, () -> deleteTree(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary SQLite database", e);
        }
    }

    /**
     * A fresh schema with a random name in the PostgreSQL database at {@code baseUrl}; the returned
     * database's connections use it as their current schema.
     */
    public static TestDatabase postgresql(String baseUrl) {
        String schema = "kt_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute(baseUrl, "CREATE SCHEMA " + schema);
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Database database = new Database(new DatabaseConfig(url, null, null, POOL_SIZE));
        return new TestDatabase(DatabaseKind.POSTGRESQL, database,
                () -> execute(baseUrl, "DROP SCHEMA " + schema + " CASCADE"));
    }

    public DatabaseKind kind() {
        return kind;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            cleanUp.run();
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
