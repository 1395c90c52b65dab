package org.kontor.host.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** The descriptor of a plugin zip, read before the zip is installed. */
record PluginZip(String id, String version, String requires) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.+-]{0,39}");

    /**
     * @throws PluginOperationException when the file is not a zip with a usable {@code plugin.properties}
     */
    static PluginZip read(Path file) {
        Properties descriptor = new Properties();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("plugin.properties");
            if (entry == null) {
                throw refused("The file is not a Kontor plugin: it has no plugin.properties at its root.");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                descriptor.load(in);
            }
        } catch (ZipException e) {
            throw refused("The file is not a zip archive.");
        } catch (IOException e) {
            throw refused("The file cannot be read: " + e.getMessage());
        }
        String id = descriptor.getProperty("plugin.id", "").strip();
        String version = descriptor.getProperty("plugin.version", "").strip();
        String requires = descriptor.getProperty("plugin.requires", "").strip();
        if (!ID.matcher(id).matches()) {
            throw refused("plugin.id '" + id + "' must be 2 to 63 lower-case letters, digits and hyphens.");
        }
        if (!VERSION.matcher(version).matches()) {
            throw refused("plugin.version '" + version + "' of '" + id + "' is not a version such as 1.2.0.");
        }
        if (requires.isEmpty()) {
            throw refused("plugin.properties of '" + id + "' has no plugin.requires (e.g. >=1.0.0 & <2.0.0).");
        }
        return new PluginZip(id, version, requires);
    }

    private static PluginOperationException refused(String message) {
        return new PluginOperationException(null, message);
    }
}
