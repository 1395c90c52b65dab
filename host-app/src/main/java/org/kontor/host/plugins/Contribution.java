package org.kontor.host.plugins;

/**
 * One extension of a started plugin, with the id of the plugin it belongs to, so that failures are
 * logged against the right plugin and data is namespaced by it.
 */
public record Contribution<T>(String pluginId, T extension) {
}
