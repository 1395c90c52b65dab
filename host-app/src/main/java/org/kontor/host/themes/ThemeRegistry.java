package org.kontor.host.themes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The installed themes: every folder with a {@code theme.properties} in the themes folder, plus the
 * default theme from the class path ({@code themes/default/}). The name {@code default} always means
 * the built-in theme; a folder of that name on disk is ignored. Validated when built: an unknown
 * parent or a parent cycle is a {@link ThemeException}.
 */
public final class ThemeRegistry {

    public static final String DEFAULT_THEME = "default";
    static final String CLASSPATH_PREFIX = "themes/default/";
    private static final Logger LOG = LoggerFactory.getLogger(ThemeRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final Map<String, Theme> themes;

    /**
     * @param themesFolder folder holding one sub-folder per theme; may be null or missing
     * @param classLoader  loader that sees the host's {@code themes/default/} resources
     */
    public ThemeRegistry(Path themesFolder, ClassLoader classLoader) {
        Map<String, Theme> found = new TreeMap<>();
        found.put(DEFAULT_THEME, defaultTheme(classLoader));
        if (themesFolder != null && Files.isDirectory(themesFolder)) {
            try (Stream<Path> folders = Files.list(themesFolder)) {
                folders.filter(Files::isDirectory).sorted().forEach(folder -> fromFolder(folder).ifPresent(t -> found.put(t.name(), t)));
            } catch (IOException e) {
                throw new ThemeException("Cannot list themes folder " + themesFolder, e);
            }
        }
        this.themes = Collections.unmodifiableMap(found);
        themes.keySet().forEach(this::chain);
    }

    public Optional<Theme> find(String name) {
        return Optional.ofNullable(themes.get(name));
    }

    public Collection<Theme> all() {
        return themes.values();
    }

    /** The theme and its ancestors, most specific first; the default theme is always last. */
    public List<Theme> chain(String name) {
        Set<String> seen = new LinkedHashSet<>();
        List<Theme> chain = new ArrayList<>();
        String current = name;
        while (current != null) {
            if (!seen.add(current)) {
                throw new ThemeException("Theme parent cycle: " + String.join(" -> ", seen) + " -> " + current);
            }
            Theme theme = themes.get(current);
            if (theme == null) {
                throw chain.isEmpty()
                        ? new ThemeException("Unknown theme '" + current + "'; installed: " + themes.keySet())
                        : new ThemeException("Theme '" + chain.get(chain.size() - 1).name() + "' names parent '" + current
                                + "', which is not installed; installed: " + themes.keySet());
            }
            chain.add(theme);
            current = theme.parent().orElse(null);
        }
        return List.copyOf(chain);
    }

    private static Theme defaultTheme(ClassLoader classLoader) {
        ThemeFiles files = ThemeFiles.classpath(classLoader, CLASSPATH_PREFIX);
        Properties properties = files.find("theme.properties").map(ThemeRegistry::read).orElseGet(Properties::new);
        return new Theme(DEFAULT_THEME, properties.getProperty("displayName", "Kontor"), Optional.empty(), files);
    }

    private static Optional<Theme> fromFolder(Path folder) {
        String name = folder.getFileName().toString();
        Path descriptor = folder.resolve("theme.properties");
        if (!Files.isRegularFile(descriptor)) {
            return Optional.empty();
        }
        if (name.equals(DEFAULT_THEME)) {
            LOG.debug("Ignoring {}: the default theme is built in", folder);
            return Optional.empty();
        }
        if (!NAME.matcher(name).matches()) {
            LOG.warn("Ignoring theme folder {}: names are lower-case letters, digits, '-' and '_'", folder);
            return Optional.empty();
        }
        Properties properties;
        try {
            properties = read(descriptor.toUri().toURL());
        } catch (IOException e) {
            throw new ThemeException("Cannot read " + descriptor, e);
        }
        String parent = properties.getProperty("parent", DEFAULT_THEME).trim();
        if (parent.isEmpty()) {
            throw new ThemeException("Theme '" + name + "' has an empty parent= in " + descriptor);
        }
        return Optional.of(new Theme(name, properties.getProperty("displayName", name).trim(), Optional.of(parent),
                ThemeFiles.directory(folder)));
    }

    private static Properties read(URL url) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ThemeException("Cannot read " + url, e);
        }
        return properties;
    }
}
