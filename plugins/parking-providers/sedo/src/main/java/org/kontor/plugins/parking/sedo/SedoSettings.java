package org.kontor.plugins.parking.sedo;

import java.util.List;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/**
 * The operator's Sedo partner credentials and account. "Test connection" searches Sedo's listings once with the
 * partner's credentials.
 */
@Extension
public class SedoSettings implements SettingsSchema {

    public static final String PARTNER_ID = "partner-id";
    public static final String SIGN_KEY = "sign-key";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String BASE_URL = "base-url";
    public static final String DEFAULT_BASE_URL = "https://api.sedo.com/api/v1/";
    public static final String NAMESERVERS = "nameservers";
    public static final List<String> DEFAULT_NAMESERVERS = List.of("ns1.sedoparking.com", "ns2.sedoparking.com");
    public static final String TIMEOUT_SECONDS = "timeout-seconds";

    private final PluginContext context;

    public SedoSettings(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.text(PARTNER_ID, "Partner id", true)
                        .withHelp("The partner id of your Sedo API access."),
                SettingField.secret(SIGN_KEY, "Sign key", true)
                        .withHelp("The sign key Sedo gave with the partner id."),
                SettingField.secret(USERNAME, "Account user name", true)
                        .withHelp("The Sedo account parked domains are entered into."),
                SettingField.secret(PASSWORD, "Account password", true),
                SettingField.of(BASE_URL, SettingType.URL, "API address", true, DEFAULT_BASE_URL),
                SettingField.of(NAMESERVERS, SettingType.TEXT, "Parking nameservers", true,
                        String.join(" ", DEFAULT_NAMESERVERS))
                        .withHelp("Sedo's nameservers for parked domains, separated by spaces."),
                SettingField.of(TIMEOUT_SECONDS, SettingType.INTEGER, "Time-out (seconds)", true, "10"));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        SedoConfig config = SedoConfig.of(candidate);
        if (!config.canSearch()) {
            return ConnectionTestResult.failed("The partner id and the sign key are needed.");
        }
        SedoAnswer answer = new SedoApi(context.httpClient(), config).call("DomainSearch", false,
                List.of(new SedoApi.Param("keyword", "kontor"), new SedoApi.Param("resultsize", "1")));
        return switch (answer.kind()) {
            case OK -> ConnectionTestResult.succeeded("Sedo accepted the partner id and the sign key.");
            case FAULT -> ConnectionTestResult.failed("Sedo refused: " + answer.faultCode() + " " + answer.faultString());
            default -> ConnectionTestResult.failed("Sedo could not be reached: " + answer.problem());
        };
    }
}
