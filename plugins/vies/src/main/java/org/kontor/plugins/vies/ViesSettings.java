package org.kontor.plugins.vies;

import java.util.List;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/** Where VIES is, how long to wait for it, and the seller's own VAT id for a consultation number. */
@Extension
public class ViesSettings implements SettingsSchema {

    public static final String BASE_URL = "base-url";
    public static final String TIMEOUT_SECONDS = "timeout-seconds";
    public static final String REQUESTER_VAT_ID = "requester-vat-id";
    public static final String DEFAULT_BASE_URL = "https://ec.europa.eu/taxation_customs/vies/rest-api";
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;

    public ViesSettings(PluginContext context) {
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.of(BASE_URL, SettingType.URL, "VIES REST API", false, DEFAULT_BASE_URL)
                        .withHelp("The base URL; the check is posted to <base>/check-vat-number."),
                SettingField.of(TIMEOUT_SECONDS, SettingType.INTEGER, "Time limit (s)", false,
                        Integer.toString(DEFAULT_TIMEOUT_SECONDS))
                        .withHelp("A check that takes longer answers 'unavailable'; the buyer is then charged VAT."),
                SettingField.text(REQUESTER_VAT_ID, "Your VAT id", false)
                        .withHelp("With it, VIES gives a consultation number as proof of each check, e.g. DK13585628."));
    }
}
