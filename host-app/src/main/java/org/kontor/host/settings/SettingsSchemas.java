package org.kontor.host.settings;

import java.util.List;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingsSchema;
import org.kontor.host.plugins.Contribution;
import org.kontor.host.plugins.Extensions;

/** Finds a plugin's settings fields among the running extensions. */
public final class SettingsSchemas {

    private final Extensions extensions;

    public SettingsSchemas(Extensions extensions) {
        this.extensions = extensions;
    }

    /** The fields of the plugin's {@link SettingsSchema}s, or none when it declares no settings. */
    public List<SettingField> fieldsOf(String pluginId) {
        return extensions.of(SettingsSchema.class).stream()
                .filter(c -> c.pluginId().equals(pluginId))
                .map(Contribution::extension)
                .flatMap(schema -> schema.fields().stream())
                .toList();
    }
}
