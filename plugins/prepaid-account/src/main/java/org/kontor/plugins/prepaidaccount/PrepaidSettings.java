package org.kontor.plugins.prepaidaccount;

import java.util.List;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/** The operator's settings of the prepaid account plugin. */
@Extension
public class PrepaidSettings implements SettingsSchema {

    static final String HOLD_LIFETIME_HOURS = "hold.lifetime-hours";
    static final long DEFAULT_HOLD_LIFETIME_HOURS = 72;

    @Override
    public List<SettingField> fields() {
        return List.of(SettingField.of(HOLD_LIFETIME_HOURS, SettingType.INTEGER, "Hours before an unsettled hold is reported stale",
                        true, Long.toString(DEFAULT_HOLD_LIFETIME_HOURS))
                .withHelp("A hold waits for the registry's answer; the reconciliation reports holds older than this."));
    }
}
