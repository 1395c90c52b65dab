package org.kontor.host.plugins;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link PluginStates} in the {@code plugin_state} table. */
public final class JdbiPluginStates implements PluginStates {

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiPluginStates(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<Boolean> enabled(String pluginId) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT enabled FROM plugin_state WHERE plugin_id = :id")
                .bind("id", pluginId)
                .mapTo(Integer.class)
                .findOne()
                .map(value -> value != 0));
    }

    @Override
    public void set(String pluginId, boolean enabled) {
        jdbi.useTransaction(handle -> handle.createUpdate("""
                        INSERT INTO plugin_state (plugin_id, enabled, changed_at) VALUES (:id, :enabled, :at)
                        ON CONFLICT (plugin_id) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at
                        """)
                .bind("id", pluginId)
                .bind("enabled", enabled ? 1 : 0)
                .bind("at", clock.millis())
                .execute());
    }
}
