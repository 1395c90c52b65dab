package org.kontor.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway migrations for the host and for each plugin. Each has its own history table, so the host's
 * and every plugin's versions are independent: the host reads {@code db/migration/host} into
 * {@code kontor_schema_history}; plugin {@code prepaid-account} reads {@code db/migration/prepaid-account}
 * from its own class loader into {@code prepaid_account_schema_history}, and may create only tables that
 * start with {@code prepaid_account_}.
 */
public final class Migrations {

    public static final String HOST_LOCATION = "db/migration/host";
    public static final String HOST_HISTORY_TABLE = "kontor_schema_history";

    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private final Database database;

    public Migrations(Database database) {
        this.database = database;
    }

    /** Migrates the host's own tables, reading scripts from the host's class path. */
    public MigrateResult migrateHost() {
        return migrateHost(Migrations.class.getClassLoader());
    }

    /** Migrates the host's own tables, reading scripts through the given class loader. */
    public MigrateResult migrateHost(ClassLoader classLoader) {
        return flyway(classLoader, HOST_LOCATION, HOST_HISTORY_TABLE).migrate();
    }

    /**
     * Migrates one plugin's tables. A plugin without a {@code db/migration/<plugin-id>/} folder has no
     * migrations: nothing runs and no history table is made.
     *
     * @throws MigrationRefusedException when the plugin's scripts created a table outside its prefix
     */
    public MigrateResult migratePlugin(String pluginId, ClassLoader pluginClassLoader) {
        if (pluginId == null || !PLUGIN_ID.matcher(pluginId).matches()) {
            throw new IllegalArgumentException("plugin id '" + pluginId + "' must match " + PLUGIN_ID.pattern());
        }
        String prefix = tablePrefix(pluginId);
        if (pluginClassLoader.getResource("db/migration/" + pluginId) == null) {
            return new MigrateResult(null, null, null, null);
        }
        Set<String> before = tables();
        MigrateResult result = flyway(pluginClassLoader, "db/migration/" + pluginId, prefix + "schema_history")
                .migrate();
        Set<String> foreign = new TreeSet<>(tables());
        foreign.removeAll(before);
        foreign.removeIf(table -> table.startsWith(prefix));
        if (!foreign.isEmpty()) {
            throw new MigrationRefusedException("plugin '" + pluginId + "' created table(s) " + foreign
                    + " whose names do not start with '" + prefix + "'; a plugin's tables must all start with its"
                    + " prefix. Rename them in db/migration/" + pluginId + "/ and drop the wrong tables.");
        }
        return result;
    }

    /** The table prefix of a plugin: {@code prepaid_account_} for {@code prepaid-account}. */
    public static String tablePrefix(String pluginId) {
        return pluginId.replace('-', '_') + "_";
    }

    private Flyway flyway(ClassLoader classLoader, String location, String historyTable) {
        return Flyway.configure(classLoader)
                .dataSource(database.dataSource())
                .locations("classpath:" + location)
                .table(historyTable)
                // Other history tables live in the same schema, so it is never empty; start from version 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** The names of the tables in the current schema, in lower case. */
    public Set<String> tables() {
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = database.dialect() == Dialect.POSTGRESQL ? connection.getSchema() : null;
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!name.startsWith("sqlite_")) {
                        names.add(name);
                    }
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of the database", e);
        }
    }
}
