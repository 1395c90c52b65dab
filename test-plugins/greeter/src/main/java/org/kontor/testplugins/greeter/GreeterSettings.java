package org.kontor.testplugins.greeter;

import java.util.List;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/** One text setting with a default, and a secret. */
@Extension
public class GreeterSettings implements SettingsSchema {

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.of("greeting", SettingType.TEXT, "Greeting", true, "Hello"),
                SettingField.secret("api.key", "API key", false));
    }
}
