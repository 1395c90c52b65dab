package org.kontor.host.themes;

import freemarker.cache.URLTemplateLoader;

import java.net.URL;

/** FreeMarker loader over {@link ThemeLayers}: template {@code x} is the file {@code templates/x}. */
final class ThemeTemplateLoader extends URLTemplateLoader {

    private final ThemeLayers layers;

    ThemeTemplateLoader(ThemeLayers layers) {
        this.layers = layers;
        // Plugin jars come and go; a cached jar connection would keep a stopped plugin's file open.
        setURLConnectionUsesCaches(false);
    }

    @Override
    protected URL getURL(String name) {
        return layers.find("templates", name).orElse(null);
    }
}
