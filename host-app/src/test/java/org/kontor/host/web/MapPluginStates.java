package org.kontor.host.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kontor.host.plugins.PluginStates;

/** Plugin states in memory for web tests. */
final class MapPluginStates implements PluginStates {

    private final Map<String, Boolean> states = new ConcurrentHashMap<>();

    @Override
    public Optional<Boolean> enabled(String pluginId) {
        return Optional.ofNullable(states.get(pluginId));
    }

    @Override
    public void set(String pluginId, boolean enabled) {
        states.put(pluginId, enabled);
    }
}
