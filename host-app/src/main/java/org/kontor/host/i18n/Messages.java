package org.kontor.host.i18n;

import org.kontor.host.plugins.PluginResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages of one theme chain. Lookup for key {@code k} in language {@code L}: the theme layers
 * ({@code messages/messages_L.properties}, active theme first) → for {@code p.<plugin-id>.*} keys the
 * plugin's {@code messages/<plugin-id>/messages_L.properties} → the base (default) theme → the same
 * again in the fallback language → the key itself. Files are UTF-8.
 *
 * <p>A message is run through {@link MessageFormat} only when arguments are given, so plain
 * messages may contain apostrophes as they are.
 */
public final class Messages {

    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final List<ResourceLayer> overrides;
    private final ResourceLayer base;
    private final PluginResources plugins;
    private final String fallbackLanguage;
    private final Map<String, Map<String, String>> themeBundles = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> pluginBundles = new ConcurrentHashMap<>();
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    /**
     * @param overrides        theme layers that win over plugins, most specific first
     * @param base             the default theme
     * @param plugins          messages of the active plugins
     * @param fallbackLanguage language tried when a key is missing, normally {@code en}
     */
    public Messages(List<ResourceLayer> overrides, ResourceLayer base, PluginResources plugins, String fallbackLanguage) {
        this.overrides = List.copyOf(overrides);
        this.base = base;
        this.plugins = plugins;
        this.fallbackLanguage = fallbackLanguage;
    }

    /** The formatted message, or the key itself when no layer has it. */
    public String get(String language, String key, Object... args) {
        Optional<String> pattern = lookup(language, key);
        if (pattern.isEmpty() && !language.equals(fallbackLanguage)) {
            pattern = lookup(fallbackLanguage, key);
        }
        if (pattern.isEmpty()) {
            if (reportedMissing.add(language + ':' + key)) {
                LOG.warn("Missing message '{}' for language {}", key, language);
            }
            return key;
        }
        if (args == null || args.length == 0) {
            return pattern.get();
        }
        try {
            return new MessageFormat(pattern.get(), Locale.forLanguageTag(language)).format(args);
        } catch (IllegalArgumentException badPattern) {
            LOG.warn("Message '{}' ({}) is not a valid MessageFormat pattern: {}", key, language, badPattern.getMessage());
            return pattern.get();
        }
    }

    /** Forgets plugin messages, e.g. after a plugin was started or stopped. */
    public void pluginsChanged() {
        pluginBundles.clear();
        reportedMissing.clear();
    }

    private Optional<String> lookup(String language, String key) {
        String file = "messages/messages_" + language + ".properties";
        for (int i = 0; i < overrides.size(); i++) {
            String value = themeBundle(i, overrides.get(i), file).get(key);
            if (value != null) {
                return Optional.of(value);
            }
        }
        Optional<String> fromPlugin = pluginId(key).map(id -> pluginBundle(id, language).get(key));
        if (fromPlugin.isPresent()) {
            return fromPlugin;
        }
        return Optional.ofNullable(themeBundle(-1, base, file).get(key));
    }

    private Optional<String> pluginId(String key) {
        if (!key.startsWith("p.")) {
            return Optional.empty();
        }
        return plugins.activePluginIds().stream()
                .filter(id -> key.startsWith("p." + id + "."))
                .findFirst();
    }

    private Map<String, String> themeBundle(int layer, ResourceLayer source, String file) {
        return themeBundles.computeIfAbsent(layer + "|" + file, k -> read(source.find(file)));
    }

    private Map<String, String> pluginBundle(String pluginId, String language) {
        String path = "messages/" + pluginId + "/messages_" + language + ".properties";
        return pluginBundles.computeIfAbsent(pluginId + "|" + language, k -> read(plugins.resource(pluginId, path)));
    }

    private static Map<String, String> read(Optional<URL> url) {
        if (url.isEmpty()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try {
            URLConnection connection = url.get().openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream();
                 Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read messages " + url.get(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return Map.copyOf(values);
    }
}
