package org.kontor.plugins.verification.sandbox;

import java.util.List;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/**
 * The sandbox's one setting: whether its credit bureau answers. It is off until the operator switches it on, so that a
 * host with every plugin loaded (development, the demo) asks no bureau; the text message gateway always runs.
 */
@Extension
public class SandboxSettings implements SettingsSchema {

    /** Whether the sandbox bureau is asked about customers. */
    public static final String BUREAU = "bureau";

    public SandboxSettings(PluginContext context) {
    }

    @Override
    public List<SettingField> fields() {
        return List.of(SettingField.of(BUREAU, SettingType.BOOLEAN, "Sandbox credit bureau", false, "false")
                .withHelp("Answer credit score enquiries with the sandbox's deterministic scores (see the plugin's "
                        + "admin page for the rules). Off: the host asks no bureau of this plugin."));
    }
}
