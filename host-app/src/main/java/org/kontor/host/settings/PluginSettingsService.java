package org.kontor.host.settings;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>A plugin's live settings ({@link #settings}) are read from memory: the first read loads all of the plugin's rows
 * at once, and a save on this host drops them, so the next read sees the save. Plugins read their settings on hot
 * paths (a registry plugin works out its TLDs and registry id from them, and a domain search asks every registry for
 * both per catalog TLD), which was about a thousand {@code SELECT}s per search before. Another host sharing the
 * database saves without telling this one, so a loaded copy is also dropped after {@code maxAge}. Secrets stay
 * sealed in memory and are opened on each read.
 */
public final class PluginSettingsService {

    /** What a read view shows in place of a saved secret. */
    public static final String SECRET_MARKER = "********";
    /** How long a loaded copy of a plugin's settings serves reads at most when nobody saves on this host. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(10);

    private final Jdbi jdbi;
    private final Secrets secrets;
    private final Clock clock;
    private final long maxAgeMillis;
    private final ConcurrentMap<String, Loaded> loaded = new ConcurrentHashMap<>();
    /** Counts saves, so that a load that began before a save does not put back what the save replaced. */
    private final AtomicLong saves = new AtomicLong();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public PluginSettingsService(Jdbi jdbi, Secrets secrets, Clock clock) {
        this(jdbi, secrets, clock, DEFAULT_MAX_AGE);
    }

    /** @param maxAge zero reads the database on every read */
    public PluginSettingsService(Jdbi jdbi, Secrets secrets, Clock clock, Duration maxAge) {
        this.jdbi = jdbi;
        this.secrets = secrets;
        this.clock = clock;
        this.maxAgeMillis = maxAge.toMillis();
    }

    /** Tells {@code listener} after each save on this host (a registry's TLDs may have changed with it). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
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
        try {
            saveRows(pluginId, fields, raw, byKey, errors);
        } finally {
            saves.incrementAndGet();
            loaded.remove(pluginId);
        }
        listeners.forEach(Runnable::run);
    }

    private void saveRows(String pluginId, List<SettingField> fields, Map<String, String> raw,
                          Map<String, SettingField> byKey, Map<String, String> errors) {
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
            Loaded copy = loaded(pluginId, fields);
            StoredValue value = copy.values().get(key);
            if (value != null) {
                return Optional.of(value.secret() ? secrets.open(value.value()) : value.value());
            }
            Map<String, String> defaults = copy.defaults() != null ? copy.defaults() : defaults(fields.get());
            return Optional.ofNullable(defaults.get(key));
        };
    }

    /**
     * The plugin's saved rows and its fields' defaults, from memory while the loaded copy is younger than the maximum
     * age. The defaults are kept only once the plugin's schema is there (it is created after the plugin's context).
     */
    private Loaded loaded(String pluginId, Supplier<List<SettingField>> fields) {
        long now = clock.millis();
        Loaded copy = loaded.get(pluginId);
        if (copy != null && now - copy.loadedAt() < maxAgeMillis) {
            return copy;
        }
        long savesBefore = saves.get();
        Map<String, StoredValue> values = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT setting_key, value, secret FROM plugin_setting WHERE plugin_id = :plugin")
                .bind("plugin", pluginId)
                .map((rs, ctx) -> Map.entry(rs.getString("setting_key"),
                        new StoredValue(rs.getString("value"), rs.getInt("secret") == 1)))
                .forEach(e -> values.put(e.getKey(), e.getValue())));
        List<SettingField> declared = fields.get();
        Loaded fresh = new Loaded(now, Map.copyOf(values), declared.isEmpty() ? null : defaults(declared));
        if (maxAgeMillis > 0 && saves.get() == savesBefore) {
            loaded.put(pluginId, fresh);
        }
        return fresh;
    }

    private static Map<String, String> defaults(List<SettingField> fields) {
        Map<String, String> defaults = new java.util.HashMap<>();
        fields.forEach(field -> {
            if (field.defaultValue() != null) {
                defaults.putIfAbsent(field.key(), field.defaultValue());
            }
        });
        return defaults;
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

    /** @param defaults null while the plugin has declared no fields yet */
    private record Loaded(long loadedAt, Map<String, StoredValue> values, Map<String, String> defaults) {
    }
}
