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
import org.kontor.database.Migrations;

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

    /**
     * A fresh database of the kind: SQLite, or PostgreSQL at the URL in {@value DatabaseExtension#PG_URL_ENV}.
     *
     * @throws IllegalStateException for PostgreSQL when no URL is configured (see {@link #postgresConfigured()})
     */
    public static TestDatabase of(DatabaseKind kind) {
        if (kind == DatabaseKind.SQLITE) {
            return sqlite();
        }
        String url = DatabaseExtension.postgresUrl();
        if (url == null) {
            throw new IllegalStateException("no PostgreSQL for tests: set " + DatabaseExtension.PG_URL_ENV);
        }
        return postgresql(url);
    }

    /** Whether a PostgreSQL URL for tests is configured, so that {@code of(POSTGRESQL)} works. */
    public static boolean postgresConfigured() {
        return DatabaseExtension.postgresUrl() != null;
    }

    /**
     * Runs the migrations of plugins ({@code db/migration/<id>/} on the class path of {@code loader}) on this database.
     *
     * @return this database
     */
    public TestDatabase migratePlugins(ClassLoader loader, String... pluginIds) {
        Migrations migrations = new Migrations(database);
        for (String pluginId : pluginIds) {
            migrations.migratePlugin(pluginId, loader);
        }
        return this;
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
