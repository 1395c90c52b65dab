package org.kontor.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStatementCacheTest {

    @TempDir
    Path temp;

    @Test
    void aStatementRunAgainReusesItsPreparedStatement() {
        SqliteStatementCache cache = new SqliteStatementCache();
        try (Database database = new Database(DatabaseConfig.sqlite(temp.resolve("cache.db"), 1), cache)) {
            database.jdbi().useHandle(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)"));
            for (int i = 0; i < 3; i++) {
                int id = i;
                database.jdbi().useTransaction(h -> h.createUpdate("INSERT INTO t (id, name) VALUES (:id, :name)")
                        .bind("id", id).bind("name", "n" + id).execute());
            }
            java.util.List<String> names = database.jdbi().withHandle(h -> h.createQuery("SELECT name FROM t ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(names).containsExactly("n0", "n1", "n2");
            assertThat(cache.idleStatements()).as("CREATE, INSERT and SELECT, each kept once").isEqualTo(3);
            int rows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t WHERE name = :name")
                    .bind("name", "n1").mapTo(Integer.class).one());
            int again = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t WHERE name = :name")
                    .bind("name", "n9").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
            assertThat(again).as("a reused statement binds afresh").isZero();
            assertThat(cache.idleStatements()).isEqualTo(4);
        }
    }

    @Test
    void theStatementsOfAConnectionThePoolClosedAreDropped() throws Exception {
        SqliteStatementCache cache = new SqliteStatementCache();
        try (Database database = new Database(DatabaseConfig.sqlite(temp.resolve("closed.db"), 1), cache)) {
            Connection closed;
            Connection pooled;
            try (Handle h = database.jdbi().open()) {
                assertThat(h.createQuery("SELECT 1").mapTo(Integer.class).one()).isEqualTo(1);
                closed = h.getConnection().unwrap(Connection.class);
                pooled = h.getConnection();
            }
            // back in the pool, it is closed as at the end of its lifetime
            ((HikariDataSource) database.dataSource()).evictConnection(pooled);
            for (int i = 0; i < 100 && !closed.isClosed(); i++) {
                Thread.sleep(50);
            }
            assertThat(closed.isClosed()).isTrue();

            int two = database.jdbi().withHandle(h -> h.createQuery("SELECT 2").mapTo(Integer.class).one());

            assertThat(two).isEqualTo(2);
            assertThat(cache.connections()).as("only the open connection's statements are kept").isEqualTo(1);
            assertThat(cache.idleStatements()).isEqualTo(1);
        }
    }
}
