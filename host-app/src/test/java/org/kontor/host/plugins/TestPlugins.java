package org.kontor.host.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Finds the test plugins Maven built: their zips, and the reactor folder for development mode. */
public final class TestPlugins {

    public static final String VERSION = "1.2.0";

    private TestPlugins() {
    }

    /** The {@code test-plugins} reactor folder. */
    public static Path reactorFolder() {
        return Path.of(System.getProperty("kontor.test-plugins.dir", "../test-plugins")).toAbsolutePath().normalize();
    }

    /** The zip Maven packaged for a test plugin, or for a shipped plugin (in plugins/, at its own version). */
    public static Path zip(String pluginId) {
        Path shippedTarget = reactorFolder().resolveSibling("plugins").resolve(pluginId).resolve("target");
        if (Files.isDirectory(shippedTarget)) {
            try (var zips = Files.newDirectoryStream(shippedTarget, pluginId + "-*.zip")) {
                for (Path shipped : zips) {
                    return shipped;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Path zip = reactorFolder().resolve(pluginId).resolve("target").resolve(pluginId + "-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: run the tests with 'mvn verify' so the plugins are packaged");
        }
        return zip;
    }

    /** A plugins folder holding copies of the named plugins' zips, as an operator would install them. */
    public static Path deploy(Path folder, String... pluginIds) {
        try {
            Files.createDirectories(folder);
            for (String id : pluginIds) {
                Files.copy(zip(id), folder.resolve(zip(id).getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
