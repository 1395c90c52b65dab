package org.kontor.api.event;

/** The operator enabled or disabled a plugin. */
public record PluginStateChanged(String pluginId, boolean enabled) implements Event {
}
