package org.kontor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.database.Database;
import org.kontor.database.Dialect;
import org.kontor.database.MigrationRefusedException;
import org.kontor.database.Migrations;

@DatabaseTest(migrateHost = true, plugins = "sample-plugin")
class DatabaseExtensionTest {

    private static final Set<DatabaseKind> SEEN = Collections.synchronizedSet(EnumSet.noneOf(DatabaseKind.class));

    @BeforeEach
    void clean(Database db) {
        db.jdbi().useHandle(h -> {
            h.execute("DELETE FROM sample_plugin_tag");
            h.execute("DELETE FROM sample_plugin_note");
        });
    }

    @AfterAll
    static void ranOnEveryConfiguredDatabase() {
        assertThat(SEEN).containsExactlyInAnyOrderElementsOf(DatabaseKind.available(DatabaseExtension.postgresUrl()));
    }

    @DbTest
    void passesTheDatabaseOfTheInvocation(Database db, DatabaseKind kind) {
        SEEN.add(kind);
        assertThat(db.dialect()).isEqualTo(kind == DatabaseKind.SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL);
    }

    @DbTest
    void runsTheMigrationsOfTheHostAndOfTheNamedPlugins(Database db) {
        assertThat(count(db, "SELECT COUNT(*) FROM host_sample")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM kontor_schema_history WHERE success = " + trueLiteral(db)))
                .isPositive();
        assertThat(count(db, "SELECT COUNT(*) FROM sample_plugin_schema_history WHERE version = '1'")).isEqualTo(1);
    }

    @DbTest
    void storesInstantsAsEpochMillis(Database db) {
        Instant at = Instant.parse("2031-05-06T07:08:09.123Z");
        db.jdbi().useHandle(h -> h.execute("INSERT INTO sample_plugin_note (id, body, created_at) VALUES (?, ?, ?)",
                "n1", "hello", at));
        long raw = db.jdbi().withHandle(h -> h.createQuery("SELECT created_at FROM sample_plugin_note WHERE id = 'n1'")
                .mapTo(Long.class).one());
        Instant read = db.jdbi().withHandle(h -> h.createQuery("SELECT created_at FROM sample_plugin_note WHERE id = 'n1'")
                .mapTo(Instant.class).one());
        assertThat(raw).isEqualTo(at.toEpochMilli());
        assertThat(read).isEqualTo(at);
    }

    @DbTest
    void enforcesForeignKeys(Database db) {
        assertThatThrownBy(() -> db.jdbi().useHandle(h ->
                h.execute("INSERT INTO sample_plugin_tag (note_id, tag) VALUES ('missing', 'x')")))
                .isInstanceOf(org.jdbi.v3.core.statement.UnableToExecuteStatementException.class);
        assertThat(count(db, "SELECT COUNT(*) FROM sample_plugin_tag")).isZero();
    }

    @DbTest
    void detectsUniqueViolations(Database db) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO sample_plugin_note (id, body, created_at) VALUES ('d', 'x', 1)"));
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> db.jdbi().useHandle(h ->
                h.execute("INSERT INTO sample_plugin_note (id, body, created_at) VALUES ('d', 'y', 2)")));
        assertThat(db.dialect().isUniqueViolation(failure)).isTrue();
        assertThat(db.dialect().isUniqueViolation(new IllegalStateException("other"))).isFalse();
    }

    @DbTest
    void refusesAPluginMigrationThatCreatesATableOutsideItsPrefix(Database db) {
        Migrations migrations = new Migrations(db);
        assertThatThrownBy(() -> migrations.migratePlugin("bad-plugin", getClass().getClassLoader()))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("bad-plugin")
                .hasMessageContaining("invoice_shadow")
                .hasMessageContaining("bad_plugin_")
                .message().doesNotContain("bad_plugin_ok]");
    }

    @DbTest
    void runningMigrationsAgainChangesNothing(Database db) {
        Migrations migrations = new Migrations(db);
        assertThat(migrations.migrateHost(getClass().getClassLoader()).migrationsExecuted).isZero();
        assertThat(migrations.migratePlugin("sample-plugin", getClass().getClassLoader()).migrationsExecuted).isZero();
    }

    @DbTest
    void aPluginWithoutMigrationsGetsNoHistoryTable(Database db) {
        Migrations migrations = new Migrations(db);

        migrations.migratePlugin("no-tables", getClass().getClassLoader());

        assertThat(migrations.tables()).doesNotContain("no_tables_schema_history");
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static String trueLiteral(Database db) {
        return db.dialect() == Dialect.POSTGRESQL ? "true" : "1";
    }
}
