package org.kontor.plugins.powerdns;

import java.util.List;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/** Where the PowerDNS API is, its key, and what every zone gets: nameservers, SOA contact, default TTL. */
@Extension
public class PowerDnsSettings implements SettingsSchema {

    public static final String API_URL = "api-url";
    public static final String API_KEY = "api-key";
    public static final String SERVER_ID = "server-id";
    public static final String NAMESERVERS = "nameservers";
    public static final String DEFAULT_TTL = "default-ttl";
    public static final String SOA_CONTACT = "soa-contact";
    public static final String TIMEOUT_SECONDS = "timeout-seconds";

    public static final String DEFAULT_SERVER_ID = "localhost";
    public static final int DEFAULT_DEFAULT_TTL = 3600;
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;

    private final PluginContext context;

    public PowerDnsSettings(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.of(API_URL, SettingType.URL, "PowerDNS API", true, null)
                        .withHelp("The webserver of PowerDNS Authoritative, e.g. http://127.0.0.1:8081 (without /api/v1)."),
                SettingField.secret(API_KEY, "API key", true)
                        .withHelp("The api-key of pdns.conf."),
                SettingField.of(SERVER_ID, SettingType.TEXT, "Server id", false, DEFAULT_SERVER_ID)
                        .withHelp("The server in /api/v1/servers/{id}; PowerDNS Authoritative calls itself localhost."),
                SettingField.text(NAMESERVERS, "Nameservers", true)
                        .withHelp("Two or more host names, separated by commas or spaces; the first is the primary in "
                                + "the SOA record. Every zone gets them as NS records, and domains delegate to them."),
                SettingField.of(DEFAULT_TTL, SettingType.INTEGER, "TTL of SOA and NS (s)", false,
                        Integer.toString(DEFAULT_DEFAULT_TTL))
                        .withHelp("Also the SOA's negative caching time. 60 to 604800."),
                SettingField.of(SOA_CONTACT, SettingType.EMAIL, "SOA contact", false, null)
                        .withHelp("The zone contact in the SOA record, e.g. hostmaster@example.net; "
                                + "hostmaster@<the zone> when empty."),
                SettingField.of(TIMEOUT_SECONDS, SettingType.INTEGER, "Time limit (s)", false,
                        Integer.toString(DEFAULT_TIMEOUT_SECONDS))
                        .withHelp("A call that takes longer counts as not answered; the host asks again later."));
    }

    /** Asks PowerDNS for {@code GET /api/v1/servers/{id}} with the candidate settings. */
    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        List<String> problems = PowerDnsConfig.problems(candidate);
        if (!problems.isEmpty()) {
            return ConnectionTestResult.failed(String.join(" ", problems));
        }
        PowerDnsConfig config = PowerDnsConfig.of(candidate);
        PowerDnsApi.Answer answer;
        try {
            answer = new PowerDnsApi(context.httpClient(), config, context.logger()).get(config.serverPath());
        } catch (PowerDnsApi.UnreachableException e) {
            return ConnectionTestResult.failed("PowerDNS could not be reached: " + e.getMessage() + ".");
        }
        if (!answer.ok()) {
            return ConnectionTestResult.failed("PowerDNS answered HTTP " + answer.status() + ": "
                    + answer.errorMessage() + ".");
        }
        return ConnectionTestResult.succeeded("PowerDNS " + answer.body().path("version").asText("?") + " ("
                + answer.body().path("daemon_type").asText("?") + ") answers as server '" + config.serverId() + "'.");
    }
}
