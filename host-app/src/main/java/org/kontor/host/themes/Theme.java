package org.kontor.host.themes;

import java.util.Objects;
import java.util.Optional;

/**
 * A theme as read from its {@code theme.properties}.
 *
 * @param name        folder name, used in configuration
 * @param displayName human name for the admin
 * @param parent      theme this one inherits from; empty only for the default theme
 * @param files       the files the theme ships
 */
public record Theme(String name, String displayName, Optional<String> parent, ThemeFiles files) {

    public Theme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(files, "files");
    }
}
