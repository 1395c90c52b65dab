package org.kontor.host.plugins;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Plugin states kept in memory, for tests of the plugin machinery alone. */
final class InMemoryPluginStates implements PluginStates {

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
