package org.kontor.host.plugins;

import java.util.Optional;

/** Where the operator's choice to enable or disable each plugin is kept: the database, so all hosts agree. */
public interface PluginStates {

    /** The stored choice, or empty when the operator never chose (plugins are enabled by default). */
    Optional<Boolean> enabled(String pluginId);

    void set(String pluginId, boolean enabled);
}
