package org.kontor.plugins.registrydk;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.kontor.plugins.epp.codec.EppCommandEncoder;
import org.kontor.plugins.epp.registry.EppRegistrySettings;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.plugins.epp.session.EppSession;
import org.kontor.plugins.epp.session.EppSessionPool;
import org.pf4j.Extension;

/**
 * The settings form of the .dk connection; its connection test logs in and out once and checks that the
 * registry announces a dkhm extension version this plugin speaks.
 */
@Extension
public class DkSettingsSchema implements SettingsSchema {

    private final Clock clock;

    public DkSettingsSchema(PluginContext context) {
        this(context.clock());
    }

    public DkSettingsSchema(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.of(DkSettings.REGISTRY_ID, SettingType.TEXT, "Registry id", false,
                        DkSettings.DEFAULT_REGISTRY_ID),
                SettingField.of(DkSettings.HOST, SettingType.TEXT, "EPP server host", true, DkSettings.DEFAULT_HOST)
                        .withHelp("Production epp.punktum.dk; the sandbox has its own host."),
                SettingField.of(DkSettings.PORT, SettingType.INTEGER, "EPP server port", true,
                        Integer.toString(DkSettings.DEFAULT_PORT)),
                SettingField.text(DkSettings.CLIENT_ID, "Registrar id (REG-… handle)", true),
                SettingField.secret(DkSettings.PASSWORD, "Password", true)
                        .withHelp("8 to 64 characters."),
                SettingField.of(DkSettings.CERTIFICATE, SettingType.TEXT, "Pinned server certificate (PEM)", false,
                        null).withHelp("Leave empty to trust the JVM's certificate authorities."),
                SettingField.of(DkSettings.TLDS, SettingType.TEXT, "TLDs served", true, DkSettings.DEFAULT_TLDS),
                SettingField.of(DkSettings.POOL_SIZE, SettingType.INTEGER, "Sessions at most", true,
                        Integer.toString(EppRegistrySettings.DEFAULT_POOL_SIZE)),
                SettingField.of(DkSettings.COMMANDS_PER_SECOND, SettingType.DECIMAL, "Commands per second", true, "5"),
                SettingField.of(EppRegistrySettings.TIMEOUT_LOGIN, SettingType.INTEGER, "Login time limit (s)",
                        false, "20"),
                SettingField.of(EppRegistrySettings.TIMEOUT_QUERY, SettingType.INTEGER, "Query time limit (s)",
                        false, "15"),
                SettingField.of(EppRegistrySettings.TIMEOUT_TRANSFORM, SettingType.INTEGER,
                        "Transform time limit (s)", false, "30"),
                SettingField.of(EppRegistrySettings.TIMEOUT_BILLABLE, SettingType.INTEGER,
                        "Billable command time limit (s)", false, "60"),
                SettingField.of(DkSettings.TERMS_AT_ORDER, SettingType.BOOLEAN,
                        "Holders accept the .dk terms at every order", false, "false")
                        .withHelp("The registry wants the time the holder accepted its terms with every create and "
                                + "change of registrant. Orders carry it; where they do not, this setting lets the "
                                + "order's time stand in — only if the checkout has every holder accept the terms."));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        DkSettings settings;
        try {
            settings = DkSettings.from(candidate);
        } catch (RuntimeException e) {
            return ConnectionTestResult.failed("The settings are incomplete: " + e.getMessage());
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (EppSessionPool pool = new EppSessionPool(settings.endpoint(), new EppCommandEncoder(),
                settings.decoder(), scheduler, clock)) {
            EppSession session = pool.borrow();
            Greeting greeting = session.greeting();
            session.close(); // logs out
            pool.release(session);
            return DkhmNamespaces.of(greeting)
                    .map(ns -> ConnectionTestResult.succeeded("Logged in to " + greeting.serverId() + " as "
                            + settings.clientId() + " and out again; extension " + ns + "."))
                    .orElseGet(() -> ConnectionTestResult.failed("Logged in to " + greeting.serverId()
                            + ", but it announces none of the dkhm versions " + DkhmNamespaces.SUPPORTED + "."));
        } catch (Exception e) {
            return ConnectionTestResult.failed("Could not log in to " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage());
        } finally {
            scheduler.shutdownNow();
        }
    }
}
