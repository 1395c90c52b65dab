package org.kontor.host.plugins;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the host finds plugins.
 *
 * @param development true: built modules below {@code root} ({@code target/classes}); false: plugin zips in {@code root}
 * @param apiVersion  the plugin API version this host provides, checked against each plugin's {@code plugin.requires}
 */
public record PluginHostSettings(Path root, boolean development, String apiVersion) {

    public PluginHostSettings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }
}
