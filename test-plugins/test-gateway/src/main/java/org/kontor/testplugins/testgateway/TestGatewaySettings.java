package org.kontor.testplugins.testgateway;

import java.util.List;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/** The webhook secret shared with the (imagined) provider. */
@Extension
public class TestGatewaySettings implements SettingsSchema {

    public static final String WEBHOOK_SECRET = "webhook.secret";
    public static final String DEFAULT_SECRET = "test-gateway-webhook-secret";

    @Override
    public List<SettingField> fields() {
        return List.of(SettingField.of(WEBHOOK_SECRET, SettingType.TEXT, "Webhook secret", true, DEFAULT_SECRET));
    }
}
