package org.kontor.host.plugins;

import org.kontor.api.PluginContext;

/** Builds the one {@link PluginContext} of a plugin. */
@FunctionalInterface
public interface PluginContextFactory {

    PluginContext create(String pluginId, String pluginVersion);
}
