package org.kontor.host.themes;

import org.kontor.host.plugins.PluginResources;

import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * Finds a file of an area ({@code templates} or {@code static}) along a theme chain. A plain name
 * is looked up in the chain, most specific theme first. A plugin name {@code p/<plugin-id>/<file>}
 * is looked up as {@code <area>/p/<plugin-id>/<file>} in the themes above the default theme, then
 * in the plugin as {@code <area>/<plugin-id>/<file>} (only while the plugin is active), then in the
 * default theme.
 *
 * @param chain   the active theme first, the default theme last
 * @param plugins resources of the running plugins
 */
public record ThemeLayers(List<Theme> chain, PluginResources plugins) {

    public ThemeLayers {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A theme chain is never empty");
        }
    }

    public Optional<URL> find(String area, String name) {
        Optional<String> clean = RelativePaths.clean(name);
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        String path = area + "/" + clean.get();
        for (Theme theme : chain.subList(0, chain.size() - 1)) {
            Optional<URL> url = theme.files().find(path);
            if (url.isPresent()) {
                return url;
            }
        }
        Optional<PluginFile> pluginFile = PluginFile.parse(clean.get());
        if (pluginFile.isPresent()) {
            PluginFile file = pluginFile.get();
            if (plugins.activePluginIds().contains(file.pluginId())) {
                Optional<URL> url = plugins.resource(file.pluginId(), area + "/" + file.pluginId() + "/" + file.file());
                if (url.isPresent()) {
                    return url;
                }
            }
        }
        return chain.get(chain.size() - 1).files().find(path);
    }

    /** A name of the form {@code p/<plugin-id>/<file>}. */
    record PluginFile(String pluginId, String file) {

        static Optional<PluginFile> parse(String name) {
            if (!name.startsWith("p/")) {
                return Optional.empty();
            }
            int slash = name.indexOf('/', 2);
            if (slash < 0 || slash == 2 || slash == name.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new PluginFile(name.substring(2, slash), name.substring(slash + 1)));
        }
    }
}
