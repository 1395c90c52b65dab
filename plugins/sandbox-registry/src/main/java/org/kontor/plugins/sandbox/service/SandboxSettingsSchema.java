package org.kontor.plugins.sandbox.service;

import java.util.List;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/**
 * The operator's settings of the sandbox registry: where it listens, what it sells and the one registrar that
 * may log in. The host checks each value's type; {@link ServiceConfig#read} checks the rest.
 */
@Extension
public class SandboxSettingsSchema implements SettingsSchema {

    public static final String PORT = "port";
    public static final String TLDS = "tlds";
    public static final String REGISTRAR_ID = "registrar.id";
    public static final String REGISTRAR_PASSWORD = "registrar.password";
    public static final String OPENING_BALANCE = "registrar.opening-balance";
    public static final String CURRENCY = "registrar.currency";
    public static final String CREATE_PRICE = "create-price";
    public static final String IDLE_TIMEOUT_SECONDS = "idle-timeout-seconds";
    public static final String MAX_SESSIONS = "max-sessions";
    public static final String TRANSFER_AUTO_APPROVE_DAYS = "transfer-auto-approve-days";
    public static final String DK_DECISION_DELAY_SECONDS = "dk-decision-delay-seconds";
    public static final String CREDIT_LIMIT = "registrar.credit-limit";
    public static final String CREDIT_THRESHOLD = "registrar.credit-threshold";

    /** The fields, also used to fill in defaults for values the operator left empty. */
    public static final List<SettingField> FIELDS = List.of(
            SettingField.of(PORT, SettingType.INTEGER, "Port on 127.0.0.1", true, "7700")
                    .withHelp("0 takes any free port, which changes at every start."),
            SettingField.of(TLDS, SettingType.TEXT, "TLDs that can be registered", true, "dk,test,example")
                    .withHelp("Comma-separated, without dots."),
            SettingField.of(REGISTRAR_ID, SettingType.TEXT, "Registrar client id (clID)", true, "demo")
                    .withHelp("3 to 16 characters."),
            SettingField.secret(REGISTRAR_PASSWORD, "Registrar password", false)
                    .withHelp("The sandbox does not start without one."),
            SettingField.of(OPENING_BALANCE, SettingType.DECIMAL, "Opening balance of the registrar", true, "100000")
                    .withHelp("Given once, when the registrar's account is opened; later changes do not alter it."),
            SettingField.of(CURRENCY, SettingType.TEXT, "Currency of balances and prices", true, "DKK"),
            SettingField.of(CREATE_PRICE, SettingType.DECIMAL, "Price of one registration year", true, "50.00"),
            SettingField.of(IDLE_TIMEOUT_SECONDS, SettingType.INTEGER, "Seconds before an idle session is closed",
                    true, "300"),
            SettingField.of(MAX_SESSIONS, SettingType.INTEGER, "Concurrent sessions per registrar", true, "3"),
            SettingField.of(TRANSFER_AUTO_APPROVE_DAYS, SettingType.INTEGER,
                    "Days before the registry approves a transfer the losing registrar left unanswered", true, "5"),
            SettingField.of(DK_DECISION_DELAY_SECONDS, SettingType.INTEGER,
                    "Seconds before a pending .dk create is decided", true, "60")
                    .withHelp(".dk creates are answered 1001 and decided through the poll queue; "
                            + "names starting with \"reject\" are refused."),
            SettingField.of(CREDIT_LIMIT, SettingType.DECIMAL, "Credit limit of the registrar", true, "0")
                    .withHelp("What the registrar may spend beyond its balance."),
            SettingField.of(CREDIT_THRESHOLD, SettingType.DECIMAL, "Low-balance threshold of the registrar", true,
                    "0"));

    @Override
    public List<SettingField> fields() {
        return FIELDS;
    }

    /** Checks the candidate settings as the sandbox would read them at start; nothing is contacted. */
    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        try {
            if (ServiceConfig.read(candidate).passwordMissing()) {
                return ConnectionTestResult.failed("setting '" + REGISTRAR_PASSWORD
                        + "' is empty: the sandbox does not start without it");
            }
            return ConnectionTestResult.succeeded("The settings are complete.");
        } catch (IllegalArgumentException e) {
            return ConnectionTestResult.failed(e.getMessage());
        }
    }
}
