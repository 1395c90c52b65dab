package org.kontor.plugins.sepa;

import java.util.List;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/** The operator's settings: the creditor's bank details and identifier, and the collection calendar. */
@Extension
public class SepaSettings implements SettingsSchema {

    public static final String CREDITOR_NAME = "creditor.name";
    public static final String CREDITOR_IBAN = "creditor.iban";
    public static final String CREDITOR_BIC = "creditor.bic";
    public static final String CREDITOR_ID = "creditor.id";
    public static final String PRENOTIFICATION_DAYS = "prenotification.days";
    public static final long DEFAULT_PRENOTIFICATION_DAYS = 14;
    public static final String LEAD_BUSINESS_DAYS = "lead.business-days";
    public static final long DEFAULT_LEAD_BUSINESS_DAYS = 1;
    public static final String SETTLEMENT_BUSINESS_DAYS = "settlement.business-days";
    public static final long DEFAULT_SETTLEMENT_BUSINESS_DAYS = 5;
    public static final String FILE_HORIZON_DAYS = "file.horizon-days";
    public static final long DEFAULT_FILE_HORIZON_DAYS = 14;
    public static final String RETURNS_WEBHOOK_SECRET = "returns.webhook-secret";

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.text(CREDITOR_NAME, "Creditor name (as agreed with the bank)", true),
                SettingField.text(CREDITOR_IBAN, "Creditor IBAN", true),
                SettingField.text(CREDITOR_BIC, "Creditor BIC", true),
                SettingField.text(CREDITOR_ID, "SEPA creditor identifier, e.g. DE98ZZZ09999999999", true),
                SettingField.of(PRENOTIFICATION_DAYS, SettingType.INTEGER, "Calendar days between pre-notification and due date",
                        true, Long.toString(DEFAULT_PRENOTIFICATION_DAYS))
                        .withHelp("The rulebook default is 14 unless the mandate agreed on fewer."),
                SettingField.of(LEAD_BUSINESS_DAYS, SettingType.INTEGER,
                        "TARGET2 business days the file must reach the bank before the due date", true,
                        Long.toString(DEFAULT_LEAD_BUSINESS_DAYS))
                        .withHelp("CORE and B2B: at least 1 (D-1); some banks ask for more."),
                SettingField.of(SETTLEMENT_BUSINESS_DAYS, SettingType.INTEGER,
                        "Business days after the due date until a collection counts as paid", true,
                        Long.toString(DEFAULT_SETTLEMENT_BUSINESS_DAYS))
                        .withHelp("Banks return for lack of funds (AM04) or a closed account (AC04) within 5 business days."),
                SettingField.of(FILE_HORIZON_DAYS, SettingType.INTEGER,
                        "A collection file takes collections due within this many days", true,
                        Long.toString(DEFAULT_FILE_HORIZON_DAYS)),
                SettingField.secret(RETURNS_WEBHOOK_SECRET, "Secret for signed return notices (HMAC-SHA256)", false));
    }

    /** The creditor as configured; throws naming the first missing setting. */
    public static Creditor creditor(Settings settings) {
        return new Creditor(settings.require(CREDITOR_NAME), settings.require(CREDITOR_IBAN),
                settings.require(CREDITOR_BIC), settings.require(CREDITOR_ID));
    }

    /** The creditor's details written into each collection file. */
    public record Creditor(String name, String iban, String bic, String creditorId) {
    }
}
