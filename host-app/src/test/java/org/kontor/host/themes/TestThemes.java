package org.kontor.host.themes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds throw-away theme folders. */
final class TestThemes {

    private TestThemes() {
    }

    /** A fresh themes folder holding one theme (parent default) with the given files as path/content pairs. */
    static Path folderWith(String theme, String... pathsAndContents) {
        try {
            Path themes = Files.createTempDirectory("kontor-themes");
            addTheme(themes, theme, "default", pathsAndContents);
            return themes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void addTheme(Path themes, String theme, String parent, String... pathsAndContents) {
        Path root = themes.resolve(theme);
        TestFiles.write(root, "theme.properties", "parent=" + parent + "\ndisplayName=" + theme + "\n");
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            TestFiles.write(root, pathsAndContents[i], pathsAndContents[i + 1]);
        }
    }
}
