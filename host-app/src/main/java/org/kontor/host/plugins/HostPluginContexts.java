package org.kontor.host.plugins;

import org.kontor.api.PluginContext;
import org.kontor.host.settings.PluginSettingsService;
import org.kontor.host.settings.SettingsSchemas;

/** Builds each plugin's context from the shared services and the plugin's own live settings. */
public final class HostPluginContexts implements PluginContextFactory {

    private final HostServices services;
    private final PluginSettingsService settings;
    private final SettingsSchemas schemas;

    public HostPluginContexts(HostServices services, PluginSettingsService settings, SettingsSchemas schemas) {
        this.services = services;
        this.settings = settings;
        this.schemas = schemas;
    }

    @Override
    public PluginContext create(String pluginId, String pluginVersion) {
        return new HostPluginContext(pluginId, pluginVersion, services,
                settings.settings(pluginId, () -> schemas.fieldsOf(pluginId)));
    }
}
