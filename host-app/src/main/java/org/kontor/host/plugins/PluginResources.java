package org.kontor.host.plugins;

import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * The resources (templates, messages, static assets, migrations) of the plugins that run now.
 * Lookups read only the plugin's own jar or classes folder, never the host's class path, so two
 * plugins' files cannot shadow each other.
 */
public interface PluginResources {

    /** The ids of the started plugins, in load order. */
    List<String> activePluginIds();

    /**
     * A resource of an active plugin, e.g. {@code resource("prepaid-account", "templates/prepaid-account/balance.ftlh")}.
     * Empty when the plugin is not active or has no such file.
     */
    Optional<URL> resource(String pluginId, String path);
}
