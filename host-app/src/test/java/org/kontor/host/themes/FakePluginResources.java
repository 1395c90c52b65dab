package org.kontor.host.themes;

import org.kontor.host.plugins.PluginResources;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plugins whose files live in folders; a test starts and stops them. */
final class FakePluginResources implements PluginResources {

    private final Map<String, Path> roots = new LinkedHashMap<>();
    private final List<String> active = new ArrayList<>();

    FakePluginResources start(String pluginId, Path root) {
        roots.put(pluginId, root);
        active.add(pluginId);
        return this;
    }

    void stop(String pluginId) {
        active.remove(pluginId);
    }

    @Override
    public synchronized List<String> activePluginIds() {
        return List.copyOf(active);
    }

    @Override
    public synchronized Optional<URL> resource(String pluginId, String path) {
        if (!active.contains(pluginId)) {
            return Optional.empty();
        }
        Path file = roots.get(pluginId).resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(file.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
