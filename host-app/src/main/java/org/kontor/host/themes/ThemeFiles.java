package org.kontor.host.themes;

import org.kontor.host.i18n.ResourceLayer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one theme: a folder on disk or a classpath prefix. Only regular files are found;
 * paths that could leave the theme ({@code ..}, absolute, backslashes) find nothing.
 */
public interface ThemeFiles extends ResourceLayer {

    /** A theme folder on disk. */
    static ThemeFiles directory(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return relativePath -> RelativePaths.clean(relativePath).flatMap(clean -> {
            Path file = base.resolve(clean).normalize();
            if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                // A symbolic link must not lead out of the theme.
                if (!file.toRealPath().startsWith(base.toRealPath())) {
                    return Optional.empty();
                }
                return Optional.of(file.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** A theme inside the class path under {@code prefix}, e.g. {@code themes/default/}. */
    static ThemeFiles classpath(ClassLoader loader, String prefix) {
        String base = prefix.endsWith("/") ? prefix : prefix + "/";
        return relativePath -> RelativePaths.clean(relativePath)
                .map(clean -> loader.getResource(base + clean))
                .filter(ThemeFiles::isRegularFile);
    }

    /** False for directory entries, which class loaders happily return as URLs. */
    static boolean isRegularFile(URL url) {
        try {
            switch (url.getProtocol()) {
                case "file":
                    return Files.isRegularFile(Path.of(url.toURI()));
                case "jar":
                    URLConnection connection = url.openConnection();
                    connection.setUseCaches(false);
                    return connection instanceof JarURLConnection jar && !jar.getJarEntry().isDirectory();
                default:
                    return true;
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot inspect " + url, e);
        }
    }
}
