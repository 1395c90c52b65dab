package org.kontor.plugins.provisioning.webhook;

import java.util.List;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/**
 * The third party's endpoint and the secret requests are signed with. "Test connection" asks the endpoint about an
 * operation that does not exist, signed: any answer but a refused signature shows the address and the secret work.
 */
@Extension
public class WebhookSettings implements SettingsSchema {

    public static final String BASE_URL = "base-url";
    public static final String SIGNING_SECRET = "signing-secret";
    public static final String TIMEOUT_MS = "timeout-ms";
    public static final String RETRIES = "retries";
    public static final String RETRY_DELAY_MS = "retry-delay-ms";

    private final PluginContext context;

    public WebhookSettings(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.of(BASE_URL, SettingType.URL, "Endpoint address", true, null)
                        .withHelp("The third party's base address; requests go to <address>/services/<action> and "
                                + "<address>/operations/<key>."),
                SettingField.secret(SIGNING_SECRET, "Signing secret", true)
                        .withHelp("Shared with the third party; every request is signed with HMAC-SHA256 over "
                                + "timestamp.body in the Kontor-Signature header."),
                SettingField.of(TIMEOUT_MS, SettingType.INTEGER, "Time-out per request (milliseconds)", true, "10000"),
                SettingField.of(RETRIES, SettingType.INTEGER, "Repeats of a request that got no answer", true, "2"),
                SettingField.of(RETRY_DELAY_MS, SettingType.INTEGER, "Pause before the first repeat (milliseconds)",
                        true, "500")
                        .withHelp("Doubled before each further repeat."));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        WebhookConfig config = WebhookConfig.of(candidate);
        if (!config.configured()) {
            return ConnectionTestResult.failed("The endpoint address and the signing secret are needed.");
        }
        WebhookClient.Answer answer = new WebhookClient(context.httpClient(), config, context.clock(),
                WebhookClient.Pause.sleeping()).get("operations/kontor-connection-test", "kontor-connection-test");
        if (answer.status() == 401 || answer.status() == 403) {
            return ConnectionTestResult.failed("The endpoint refused the signature (HTTP " + answer.status() + ").");
        }
        if (answer.status() > 0 && answer.status() < 500) {
            return ConnectionTestResult.succeeded("The endpoint answered HTTP " + answer.status() + ".");
        }
        return ConnectionTestResult.failed("The endpoint could not be reached: " + answer.problem());
    }
}
