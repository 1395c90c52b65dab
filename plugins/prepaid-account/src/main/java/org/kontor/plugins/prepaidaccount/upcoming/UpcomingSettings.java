package org.kontor.plugins.prepaidaccount.upcoming;

import java.util.List;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/** The operator's settings of upcoming payments and automatic renewal (PA-11, PA-12). */
@Extension
public class UpcomingSettings implements SettingsSchema {

    public static final String DUE_DAYS = "upcoming.due-days";
    public static final long DEFAULT_DUE_DAYS = 10;
    public static final String AUTO_RENEW_DAYS = "auto-renew.days-ahead";
    public static final long DEFAULT_AUTO_RENEW_DAYS = 14;

    @Override
    public List<SettingField> fields() {
        return List.of(SettingField.of(DUE_DAYS, SettingType.INTEGER, "Days after issue until an upcoming payment is due",
                        true, Long.toString(DEFAULT_DUE_DAYS))
                        .withHelp("A domain becomes an upcoming payment 30 days before its expiry."),
                SettingField.of(AUTO_RENEW_DAYS, SettingType.INTEGER,
                        "Days before expiry that domains of resellers with automatic renewal are renewed", true,
                        Long.toString(DEFAULT_AUTO_RENEW_DAYS)));
    }
}
