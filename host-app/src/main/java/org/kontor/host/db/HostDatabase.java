package org.kontor.host.db;

import org.jdbi.v3.core.Jdbi;
import org.kontor.database.Database;
import org.kontor.database.DatabaseConfig;
import org.kontor.database.Dialect;
import org.kontor.database.Migrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's database, opened and migrated to the host's newest schema. Plugins' migrations run later,
 * through {@link #migrations()}, once the plugins are loaded.
 */
public final class HostDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostDatabase.class);

    private final Database database;
    private final Migrations migrations;

    private HostDatabase(Database database) {
        this.database = database;
        this.migrations = new Migrations(database);
    }

    /** Opens the pool and runs the host's migrations; closes the pool again if they fail. */
    public static HostDatabase open(DatabaseConfig config) {
        Database database = new Database(config);
        try {
            return migrated(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Runs the host's migrations on a database someone else opened (tests); the caller closes it. */
    public static HostDatabase migrated(Database database) {
        HostDatabase host = new HostDatabase(database);
        var result = host.migrations.migrateHost(HostDatabase.class.getClassLoader());
        LOG.info("Host schema on {} is at version {} ({} migration(s) applied)",
                database.dialect(), result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion,
                result.migrationsExecuted);
        return host;
    }

    public Database database() {
        return database;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public Dialect dialect() {
        return database.dialect();
    }

    /** For running each plugin's migrations after the plugins are loaded. */
    public Migrations migrations() {
        return migrations;
    }

    @Override
    public void close() {
        database.close();
    }
}
