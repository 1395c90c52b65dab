package org.kontor.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.kontor.database.Database;

@DatabaseTest
class TestDatabaseTest {

    /** Each invocation opens a second throw-away database of its own kind and checks it is removed on close. */
    @DbTest
    void removesItsDatabaseWhenClosed(DatabaseKind kind) throws Exception {
        if (kind == DatabaseKind.SQLITE) {
            TestDatabase test = TestDatabase.sqlite();
            Path file = Path.of(test.database().config().jdbcUrl().substring("jdbc:sqlite:".length()));
            test.database().jdbi().useHandle(h -> h.execute("CREATE TABLE t (id TEXT)"));
            assertThat(file).exists();
            test.close();
            assertThat(Files.exists(file.getParent())).isFalse();
        } else {
            String baseUrl = DatabaseExtension.postgresUrl();
            TestDatabase test = TestDatabase.postgresql(baseUrl);
            String schema = currentSchema(test.database());
            assertThat(schema).startsWith("kt_");
            assertThat(schemaExists(baseUrl, schema)).isTrue();
            test.close();
            assertThat(schemaExists(baseUrl, schema)).isFalse();
        }
    }

    @DbTest
    void postgresqlRunsInAFreshSchema(Database db, DatabaseKind kind) {
        long tables = db.jdbi().withHandle(h -> h.createQuery(kind == DatabaseKind.SQLITE
                ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()")
                .mapTo(Long.class).one());
        assertThat(tables).isZero();
    }

    private static String currentSchema(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
    }

    private static boolean schemaExists(String url, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT 1 FROM information_schema.schemata WHERE schema_name = '" + schema + "'")) {
            return rs.next();
        }
    }
}
