package org.kontor.host.plugins;

/**
 * Brings a plugin's own tables up to date before it starts, from its migrations under
 * {@code db/migration/<plugin-id>/}. Throws when a migration fails; the plugin is then marked failed.
 */
@FunctionalInterface
public interface PluginMigrator {

    void migrate(String pluginId, ClassLoader pluginClassLoader);
}
