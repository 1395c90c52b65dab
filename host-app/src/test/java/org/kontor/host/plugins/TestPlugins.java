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
        Path shippedTarget = shippedTarget(pluginId);
        if (Files.isDirectory(shippedTarget)) {
            // The highest version: a target folder may still hold the zip of an earlier version.
            try (var zips = Files.newDirectoryStream(shippedTarget, pluginId + "-*.zip")) {
                java.util.Optional<Path> newest = java.util.stream.StreamSupport.stream(zips.spliterator(), false)
                        .max(java.util.Comparator.comparing(zip -> version(pluginId, zip), java.util.Arrays::compare));
                if (newest.isPresent()) {
                    return newest.get();
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

    /**
     * The target folder of a shipped plugin: {@code plugins/<id>/target}, or for a plugin in a group folder
     * ({@code plugins/payment-gateways/bank-transfer}) the one whose artifact, and so whose zip, is named after the id.
     */
    private static Path shippedTarget(String pluginId) {
        Path shipped = reactorFolder().resolveSibling("plugins");
        Path direct = shipped.resolve(pluginId).resolve("target");
        if (Files.isDirectory(direct) || !Files.isDirectory(shipped)) {
            return direct;
        }
        try (var groups = Files.list(shipped)) {
            for (Path group : groups.filter(Files::isDirectory).toList()) {
                try (var members = Files.list(group)) {
                    for (Path target : members.map(member -> member.resolve("target")).filter(Files::isDirectory).toList()) {
                        try (var zips = Files.newDirectoryStream(target, pluginId + "-[0-9]*.zip")) {
                            if (zips.iterator().hasNext()) {
                                return target;
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return direct;
    }

    /** The numbers of a zip's version, e.g. {@code [1, 2, 0]} for {@code epp-registry-1.2.0.zip}. */
    private static int[] version(String pluginId, Path zip) {
        String name = zip.getFileName().toString();
        return java.util.Arrays.stream(name.substring(pluginId.length() + 1, name.length() - ".zip".length()).split("\\."))
                .mapToInt(Integer::parseInt).toArray();
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
