package org.kontor.host.customising;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The operator's customising, kept in {@code site_setting}. Every page reads it, so it is cached; a save forgets the
 * cache at once, and another host sharing the database sees the change after at most {@code maxAge}.
 */
public final class Customisings {

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration maxAge;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Cached cached;

    private record Cached(Customising customising, long loadedAt) {
    }

    public Customisings(Jdbi jdbi, Clock clock, Duration maxAge) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Called after every save, e.g. to forget cached storefront pages. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Customising current() {
        Cached now = cached;
        long millis = clock.millis();
        if (now == null || millis - now.loadedAt() > maxAge.toMillis() || millis < now.loadedAt()) {
            now = new Cached(load(), millis);
            cached = now;
        }
        return now.customising();
    }

    /**
     * Saves the theme, colours and texts; the values must already be checked and cleaned.
     *
     * @param colours colour name → hex colour, or empty for the theme's own
     */
    public void saveSettings(String theme, Map<String, String> colours, String welcomeHtml, String footerHtml,
                             String termsUrl) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("theme", theme);
        for (String colour : Customising.COLOURS) {
            values.put("colour." + colour, colours.getOrDefault(colour, ""));
        }
        values.put("text.welcome", welcomeHtml);
        values.put("text.footer", footerHtml);
        values.put("text.terms-url", termsUrl);
        save(values);
    }

    /** Saves a checked logo. */
    public void saveLogo(String mediaType, byte[] content) {
        save(Map.of("logo.type", mediaType, "logo", Base64.getEncoder().encodeToString(content)));
    }

    public void removeLogo() {
        save(Map.of("logo.type", "", "logo", ""));
    }

    private void save(Map<String, String> values) {
        long at = clock.millis();
        jdbi.useTransaction(h -> values.forEach((name, value) -> put(h, name, value, at)));
        cached = null;
        listeners.forEach(Runnable::run);
    }

    private static void put(Handle h, String name, String value, long at) {
        int changed = h.createUpdate("UPDATE site_setting SET value = :value, updated_at = :at WHERE name = :name")
                .bind("name", name).bind("value", value).bind("at", at).execute();
        if (changed == 0) {
            h.createUpdate("INSERT INTO site_setting (name, value, updated_at) VALUES (:name, :value, :at)")
                    .bind("name", name).bind("value", value).bind("at", at).execute();
        }
    }

    private Customising load() {
        Map<String, String> values = new HashMap<>();
        long[] version = {0};
        jdbi.useHandle(h -> h.createQuery("SELECT name, value, updated_at FROM site_setting").map((rs, ctx) -> {
            values.put(rs.getString("name"), rs.getString("value"));
            version[0] = Math.max(version[0], rs.getLong("updated_at"));
            return null;
        }).list());
        Map<String, String> colours = new LinkedHashMap<>();
        for (String colour : Customising.COLOURS) {
            String value = values.getOrDefault("colour." + colour, "");
            if (!value.isEmpty()) {
                colours.put(colour, value);
            }
        }
        String type = values.getOrDefault("logo.type", "");
        String logo = values.getOrDefault("logo", "");
        Optional<Customising.Logo> image = type.isEmpty() || logo.isEmpty() ? Optional.empty()
                : Optional.of(new Customising.Logo(type, Base64.getDecoder().decode(logo)));
        return new Customising(values.getOrDefault("theme", ""), colours, values.getOrDefault("text.welcome", ""),
                values.getOrDefault("text.footer", ""), values.getOrDefault("text.terms-url", ""), image, version[0]);
    }
}
