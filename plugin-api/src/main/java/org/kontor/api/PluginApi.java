package org.kontor.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about this build of the plugin API.
 *
 * <p>The host uses {@link #version()} as its pf4j system version, so a plugin that declares
 * {@code plugin.requires=>=1.0.0 & <2.0.0} loads on every 1.x host and is refused on 2.x.
 */
public final class PluginApi {

    private PluginApi() {
    }

    /** The semantic version of this plugin API, for example {@code 1.0.0}. */
    public static String version() {
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin-api.properties is missing from the plugin API jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
