package org.kontor.plugins.letterpost;

import java.util.List;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/** The sandbox's one setting: the folder it writes letters into. */
@Extension
public class LetterPostSettings implements SettingsSchema {

    /** The outbox folder; empty for {@code <plugin data folder>/outbox}. */
    public static final String OUTBOX = "outbox";

    public LetterPostSettings(PluginContext context) {
    }

    @Override
    public List<SettingField> fields() {
        return List.of(SettingField.text(OUTBOX, "Outbox folder", false)
                .withHelp("Where print-ready letters are written; empty for the plugin's data folder/outbox."));
    }
}
