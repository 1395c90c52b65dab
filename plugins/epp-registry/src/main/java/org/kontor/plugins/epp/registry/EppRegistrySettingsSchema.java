package org.kontor.plugins.epp.registry;

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
import org.kontor.plugins.epp.session.EppSession;
import org.kontor.plugins.epp.session.EppSessionPool;
import org.pf4j.Extension;

/** The settings form of an EPP registry connection; its connection test logs in and out once. */
@Extension
public class EppRegistrySettingsSchema implements SettingsSchema {

    private final Clock clock;

    public EppRegistrySettingsSchema(PluginContext context) {
        this(context.clock());
    }

    public EppRegistrySettingsSchema(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.text(EppRegistrySettings.REGISTRY_ID, "Registry id", true)
                        .withHelp("A stable id for this connection, e.g. dk-hostmaster."),
                SettingField.text(EppRegistrySettings.HOST, "EPP server host", true),
                SettingField.of(EppRegistrySettings.PORT, SettingType.INTEGER, "EPP server port", true,
                        Integer.toString(EppRegistrySettings.DEFAULT_PORT)),
                SettingField.text(EppRegistrySettings.CLIENT_ID, "Registrar id (clID)", true),
                SettingField.secret(EppRegistrySettings.PASSWORD, "Password", true),
                SettingField.of(EppRegistrySettings.CERTIFICATE, SettingType.TEXT, "Pinned server certificate (PEM)",
                        false, null).withHelp("Leave empty to trust the JVM's certificate authorities."),
                SettingField.text(EppRegistrySettings.TLDS, "TLDs served", true)
                        .withHelp("A comma-separated list, e.g. dk, de."),
                SettingField.of(EppRegistrySettings.POOL_SIZE, SettingType.INTEGER, "Sessions at most", true,
                        Integer.toString(EppRegistrySettings.DEFAULT_POOL_SIZE))
                        .withHelp("Stay within the registry's limit of concurrent sessions per registrar."),
                SettingField.of(EppRegistrySettings.COMMANDS_PER_SECOND, SettingType.DECIMAL, "Commands per second",
                        true, "5"),
                SettingField.of(EppRegistrySettings.MAX_CHECK_NAMES, SettingType.INTEGER, "Names per check",
                        true, Integer.toString(EppRegistryProfile.DEFAULT_MAX_CHECK_NAMES)),
                SettingField.text(EppRegistrySettings.ACCOUNT_CURRENCY, "Currency of the registrar account", true)
                        .withHelp("ISO 4217 code, e.g. DKK; the registry's balance answers carry none."),
                SettingField.of(EppRegistrySettings.TIMEOUT_LOGIN, SettingType.INTEGER, "Login time limit (s)",
                        false, "20"),
                SettingField.of(EppRegistrySettings.TIMEOUT_QUERY, SettingType.INTEGER,
                        "Query time limit (s): check, info, poll, balance", false, "15"),
                SettingField.of(EppRegistrySettings.TIMEOUT_TRANSFORM, SettingType.INTEGER,
                        "Transform time limit (s): update, delete, contact and host create", false, "30"),
                SettingField.of(EppRegistrySettings.TIMEOUT_BILLABLE, SettingType.INTEGER,
                        "Billable command time limit (s): create, renew, transfer, restore", false, "60")
                        .withHelp("A billable command that times out is reconciled later, never sent again."),
                SettingField.of(EppRegistrySettings.FEE_AGREEMENT, SettingType.BOOLEAN,
                        "Send the fee agreement (RFC 8748)", false, "false")
                        .withHelp("For registries that require the fee on create, renew, transfer and restore; "
                                + "the fee is quoted by a check just before."),
                SettingField.of(EppRegistrySettings.TRANSFER_LOCK_DAYS, SettingType.INTEGER,
                        "Transfer lock after a registration or transfer (days)", false,
                        Integer.toString(EppRegistryProfile.DEFAULT_TRANSFER_LOCK_DAYS))
                        .withHelp("A transfer order is refused while the domain is this young; 0 for none."));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        EppRegistrySettings settings;
        try {
            settings = EppRegistrySettings.from(candidate);
        } catch (RuntimeException e) {
            return ConnectionTestResult.failed("The settings are incomplete: " + e.getMessage());
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (EppSessionPool pool = new EppSessionPool(settings.endpoint(), new EppCommandEncoder(),
                settings.decoder(), scheduler, clock)) {
            EppSession session = pool.borrow();
            String server = session.greeting().serverId();
            session.close(); // logs out
            pool.release(session);
            return ConnectionTestResult.succeeded("Logged in to " + server + " as " + settings.clientId()
                    + " and out again.");
        } catch (Exception e) {
            return ConnectionTestResult.failed("Could not log in to " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage());
        } finally {
            scheduler.shutdownNow();
        }
    }
}
