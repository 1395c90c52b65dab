package org.kontor.plugins.prepaidaccount;

import java.util.List;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/** The operator's settings of the prepaid account plugin. */
@Extension
public class PrepaidSettings implements SettingsSchema {

    public static final String HOLD_LIFETIME_HOURS = "hold.lifetime-hours";
    public static final long DEFAULT_HOLD_LIFETIME_HOURS = 72;
    public static final String TOP_UP_DUE_DAYS = "top-up.due-days";
    public static final long DEFAULT_TOP_UP_DUE_DAYS = 14;
    public static final String ZONE = "month-close.zone";
    public static final String DEFAULT_ZONE = "Europe/Prague";

    @Override
    public List<SettingField> fields() {
        return List.of(SettingField.of(HOLD_LIFETIME_HOURS, SettingType.INTEGER, "Hours before an unsettled hold is reported stale",
                        true, Long.toString(DEFAULT_HOLD_LIFETIME_HOURS))
                        .withHelp("A hold waits for the registry's answer; the reconciliation reports holds older than this."),
                SettingField.of(TOP_UP_DUE_DAYS, SettingType.INTEGER, "Days until a top-up request is due", true,
                        Long.toString(DEFAULT_TOP_UP_DUE_DAYS)),
                SettingField.of(ZONE, SettingType.TEXT, "Time zone in which months are closed", true, DEFAULT_ZONE)
                        .withHelp("A month's settlement lists the payments drawn between its first and last day in this zone."));
    }
}
