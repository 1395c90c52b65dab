package org.kontor.host.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.database.Database;
import org.kontor.database.DatabaseConfig;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

@DatabaseTest
class HostDatabaseTest {

    private static final List<String> CORE_TABLES =
            List.of("plugin_state", "event_outbox", "event_delivery", "job_schedule", "plugin_setting");

    @DbTest
    void createsTheCoreTablesAndIsIdempotent(Database db) {
        HostDatabase.migrated(db);
        HostDatabase.migrated(db);
        for (String table : CORE_TABLES) {
            long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            assertThat(rows).as(table).isZero();
        }
        db.jdbi().useHandle(h -> h.execute(
                "INSERT INTO plugin_state (plugin_id, enabled, changed_at) VALUES ('sandbox-registry', 1, 5)"));
        int enabled = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT enabled FROM plugin_state WHERE plugin_id = 'sandbox-registry'").mapTo(Integer.class).one());
        assertThat(enabled).isEqualTo(1);
    }

    @Test
    void opensAnSqliteFileFromItsConfig(@TempDir Path dir) {
        try (HostDatabase host = HostDatabase.open(DatabaseConfig.sqlite(dir.resolve("kontor.db"), 2))) {
            long version = host.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM kontor_schema_history WHERE version = '1'").mapTo(Long.class).one());
            assertThat(version).isEqualTo(1);
        }
        assertThat(dir.resolve("kontor.db")).exists();
    }
}
