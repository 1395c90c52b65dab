package org.kontor.host.settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.secrets.Secrets;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;

/**
 * Saves and reads each plugin's settings in {@code plugin_setting}. Values are validated against the
 * plugin's fields; secret fields are stored sealed and never shown back: read views carry
 * {@link #SECRET_MARKER} for a saved secret, and a form that sends a secret back empty or as the marker
 * keeps the saved one.
 */
public final class PluginSettingsService {

    /** What a read view shows in place of a saved secret. */
    public static final String SECRET_MARKER = "********";

    private final Jdbi jdbi;
    private final Secrets secrets;
    private final Clock clock;

    public PluginSettingsService(Jdbi jdbi, Secrets secrets, Clock clock) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Validates and saves a form. Blank non-secret values are removed (their default applies).
     *
     * @throws SettingsValidationException with every refused field; nothing is saved then
     */
    public void save(String pluginId, List<SettingField> fields, Map<String, String> raw) {
        Map<String, SettingField> byKey = byKey(fields);
        Map<String, String> errors = new LinkedHashMap<>();
        raw.keySet().stream().filter(key -> !byKey.containsKey(key))
                .forEach(key -> errors.put(key, "unknown setting"));
        jdbi.useTransaction(h -> {
            Map<String, String> stored = stored(h, pluginId);
            for (SettingField field : fields) {
                String value = raw.get(field.key());
                if (field.isSecret() && keepsSecret(value) && stored.containsKey(field.key())) {
                    continue;
                }
                field.validate(field.isSecret() && keepsSecret(value) ? null : value)
                        .ifPresent(message -> errors.put(field.key(), message));
            }
            if (!errors.isEmpty()) {
                throw new SettingsValidationException(errors);
            }
            for (SettingField field : fields) {
                String value = raw.get(field.key());
                if (field.isSecret()) {
                    if (!keepsSecret(value)) {
                        upsert(h, pluginId, field.key(), secrets.seal(value.strip()), true);
                    }
                } else if (value == null || value.isBlank()) {
                    h.createUpdate("DELETE FROM plugin_setting WHERE plugin_id = :plugin AND setting_key = :key")
                            .bind("plugin", pluginId).bind("key", field.key()).execute();
                } else {
                    upsert(h, pluginId, field.key(), value.strip(), false);
                }
            }
        });
    }

    /**
     * The form as the admin shows it: saved values, defaults where nothing is saved, and for secret fields
     * {@link #SECRET_MARKER} when one is saved or an empty string when not.
     */
    public Map<String, String> readView(String pluginId, List<SettingField> fields) {
        Map<String, String> stored = jdbi.withHandle(h -> stored(h, pluginId));
        Map<String, String> view = new LinkedHashMap<>();
        for (SettingField field : fields) {
            String value = stored.get(field.key());
            if (field.isSecret()) {
                view.put(field.key(), value == null ? "" : SECRET_MARKER);
            } else {
                view.put(field.key(), value != null ? value : field.defaultValue() == null ? "" : field.defaultValue());
            }
        }
        return view;
    }

    /**
     * The live settings of a plugin for its {@code PluginContext}: every read sees the latest save, secrets
     * opened, defaults filled in. The fields are asked for on each read, since the plugin's schema is
     * created after its context.
     */
    public Settings settings(String pluginId, Supplier<List<SettingField>> fields) {
        return key -> {
            Optional<SettingField> field = fields.get().stream().filter(f -> f.key().equals(key)).findFirst();
            Optional<StoredValue> stored = jdbi.withHandle(h -> h.createQuery("SELECT value, secret FROM plugin_setting "
                            + "WHERE plugin_id = :plugin AND setting_key = :key")
                    .bind("plugin", pluginId).bind("key", key)
                    .map((rs, ctx) -> new StoredValue(rs.getString("value"), rs.getInt("secret") == 1))
                    .findOne());
            if (stored.isPresent()) {
                StoredValue value = stored.get();
                return Optional.of(value.secret() ? secrets.open(value.value()) : value.value());
            }
            return field.map(SettingField::defaultValue);
        };
    }

    private static boolean keepsSecret(String value) {
        return value == null || value.isBlank() || value.equals(SECRET_MARKER);
    }

    private void upsert(Handle h, String pluginId, String key, String value, boolean secret) {
        h.createUpdate("INSERT INTO plugin_setting (plugin_id, setting_key, value, secret, updated_at) "
                        + "VALUES (:plugin, :key, :value, :secret, :now) ON CONFLICT (plugin_id, setting_key) "
                        + "DO UPDATE SET value = excluded.value, secret = excluded.secret, updated_at = excluded.updated_at")
                .bind("plugin", pluginId).bind("key", key).bind("value", value).bind("secret", secret ? 1 : 0)
                .bind("now", clock.instant()).execute();
    }

    private static Map<String, String> stored(Handle h, String pluginId) {
        Map<String, String> values = new LinkedHashMap<>();
        h.createQuery("SELECT setting_key, value FROM plugin_setting WHERE plugin_id = :plugin")
                .bind("plugin", pluginId)
                .map((rs, ctx) -> Map.entry(rs.getString("setting_key"), rs.getString("value")))
                .forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    private static Map<String, SettingField> byKey(List<SettingField> fields) {
        Map<String, SettingField> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        return byKey;
    }

    private record StoredValue(String value, boolean secret) {
    }
}
