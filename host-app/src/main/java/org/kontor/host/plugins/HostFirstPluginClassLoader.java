package org.kontor.host.plugins;

import java.util.List;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader that takes the plugin API and the libraries the API exposes (pf4j, Javalin
 * with Jetty and the Servlet API, Jdbi, FreeMarker, SLF4J, Kotlin's runtime under Javalin) from the
 * host, even when a plugin bundles its own copy. Otherwise a plugin's {@code Money} or {@code Context}
 * would be a different class from the host's and every call across the boundary would fail.
 * Everything else is looked up in the plugin first.
 */
final class HostFirstPluginClassLoader extends PluginClassLoader {

    static final List<String> HOST_PACKAGES = List.of(
            "org.kontor.api.", "org.pf4j.", "io.javalin.", "org.eclipse.jetty.", "jakarta.servlet.",
            "org.jdbi.v3.", "freemarker.", "org.slf4j.", "kotlin.");

    HostFirstPluginClassLoader(PluginManager pluginManager, PluginDescriptor descriptor, ClassLoader host) {
        super(pluginManager, descriptor, host);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        for (String prefix : HOST_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
