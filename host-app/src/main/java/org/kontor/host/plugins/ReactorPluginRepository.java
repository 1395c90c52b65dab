package org.kontor.host.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.PluginRepository;

/**
 * Development mode: every module below the plugins folder that Maven has built, i.e. that has
 * {@code target/classes/plugin.properties}. Plugins may sit in groups
 * ({@code plugins/payment-gateways/stripe}), so the folder is searched a few levels deep.
 */
final class ReactorPluginRepository implements PluginRepository {

    static final String DESCRIPTOR = "target/classes/plugin.properties";
    private static final int MAX_DEPTH = 4;

    private final Path root;

    ReactorPluginRepository(Path root) {
        this.root = root;
    }

    @Override
    public List<Path> getPluginPaths() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.walk(root, MAX_DEPTH)) {
            return folders.filter(Files::isDirectory)
                    .filter(folder -> !folder.getFileName().toString().equals("target"))
                    .filter(folder -> !folder.getFileName().toString().equals("src"))
                    .filter(folder -> Files.isRegularFile(folder.resolve(DESCRIPTOR)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plugins folder " + root, e);
        }
    }

    @Override
    public boolean deletePluginPath(Path pluginPath) {
        return false;
    }
}
