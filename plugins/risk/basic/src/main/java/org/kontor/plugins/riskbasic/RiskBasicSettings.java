package org.kontor.plugins.riskbasic;

import java.util.ArrayList;
import java.util.List;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/**
 * The four checks' settings. The defaults give points only for clear signals and stay below the host's default
 * threshold (100) on their own: a busy reseller's velocity, say, holds nothing unless another signal adds to it. "Test"
 * reads the settings as the checks would and opens the GeoIP database when one is named.
 */
@Extension
public class RiskBasicSettings implements SettingsSchema {

    public static final String VELOCITY_ENABLED = "velocity.enabled";
    public static final String VELOCITY_WINDOW_MINUTES = "velocity.window-minutes";
    public static final String VELOCITY_KEEP_DAYS = "velocity.keep-days";
    public static final String VELOCITY_IP_LIMIT = "velocity.ip.limit";
    public static final String VELOCITY_IP_POINTS = "velocity.ip.points";
    public static final String VELOCITY_EMAIL_LIMIT = "velocity.email.limit";
    public static final String VELOCITY_EMAIL_POINTS = "velocity.email.points";
    public static final String VELOCITY_ACCOUNT_LIMIT = "velocity.account.limit";
    public static final String VELOCITY_ACCOUNT_POINTS = "velocity.account.points";
    public static final String VELOCITY_CARD_LIMIT = "velocity.card.limit";
    public static final String VELOCITY_CARD_POINTS = "velocity.card.points";
    public static final String GEOIP_DATABASE = "geoip.database";
    public static final String GEOIP_POINTS = "geoip.points";
    public static final String DISPOSABLE_ENABLED = "disposable-email.enabled";
    public static final String DISPOSABLE_POINTS = "disposable-email.points";
    public static final String DISPOSABLE_DOMAINS = "disposable-email.domains";
    public static final String FIRST_ORDER_LIMITS = "first-order.limits";
    public static final String FIRST_ORDER_POINTS = "first-order.points";
    public static final String FIRST_ORDER_GATEWAYS = "first-order.gateways";
    public static final String FIRST_ORDER_GATEWAY_POINTS = "first-order.gateway-points";

    /** The defaults, used when the operator saved nothing (the host fills them in too). */
    static final String DEFAULT_WINDOW_MINUTES = "60";
    static final String DEFAULT_KEEP_DAYS = "7";
    static final String DEFAULT_IP_LIMIT = "10";
    static final String DEFAULT_IP_POINTS = "40";
    static final String DEFAULT_EMAIL_LIMIT = "20";
    static final String DEFAULT_EMAIL_POINTS = "25";
    static final String DEFAULT_ACCOUNT_LIMIT = "20";
    static final String DEFAULT_ACCOUNT_POINTS = "25";
    static final String DEFAULT_CARD_LIMIT = "5";
    static final String DEFAULT_CARD_POINTS = "50";
    static final String DEFAULT_GEOIP_POINTS = "40";
    static final String DEFAULT_DISPOSABLE_POINTS = "60";
    static final String DEFAULT_FIRST_ORDER_POINTS = "40";
    static final String DEFAULT_FIRST_ORDER_GATEWAYS = "stripe";
    static final String DEFAULT_FIRST_ORDER_GATEWAY_POINTS = "0";

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.of(VELOCITY_ENABLED, SettingType.BOOLEAN, "Velocity check", true, "true")
                        .withHelp("Counts the orders and top-ups per IP address, e-mail, account and card within the "
                                + "window; more than a limit gives that limit's points. Private and loopback addresses "
                                + "(a reverse proxy's) are not counted."),
                SettingField.of(VELOCITY_WINDOW_MINUTES, SettingType.INTEGER, "Velocity window (minutes)", true,
                        DEFAULT_WINDOW_MINUTES),
                SettingField.of(VELOCITY_KEEP_DAYS, SettingType.INTEGER, "Keep observations (days)", true,
                        DEFAULT_KEEP_DAYS).withHelp("Older observations are deleted every hour (never within the window)."),
                SettingField.of(VELOCITY_IP_LIMIT, SettingType.INTEGER, "Per IP address: limit", true, DEFAULT_IP_LIMIT),
                SettingField.of(VELOCITY_IP_POINTS, SettingType.INTEGER, "Per IP address: points", true,
                        DEFAULT_IP_POINTS),
                SettingField.of(VELOCITY_EMAIL_LIMIT, SettingType.INTEGER, "Per e-mail: limit", true,
                        DEFAULT_EMAIL_LIMIT),
                SettingField.of(VELOCITY_EMAIL_POINTS, SettingType.INTEGER, "Per e-mail: points", true,
                        DEFAULT_EMAIL_POINTS),
                SettingField.of(VELOCITY_ACCOUNT_LIMIT, SettingType.INTEGER, "Per account: limit", true,
                        DEFAULT_ACCOUNT_LIMIT),
                SettingField.of(VELOCITY_ACCOUNT_POINTS, SettingType.INTEGER, "Per account: points", true,
                        DEFAULT_ACCOUNT_POINTS),
                SettingField.of(VELOCITY_CARD_LIMIT, SettingType.INTEGER, "Per card: limit", true, DEFAULT_CARD_LIMIT)
                        .withHelp("Payments with the same card fingerprint, as the payment gateway reports it."),
                SettingField.of(VELOCITY_CARD_POINTS, SettingType.INTEGER, "Per card: points", true,
                        DEFAULT_CARD_POINTS),
                SettingField.text(GEOIP_DATABASE, "GeoIP database file", false)
                        .withHelp("Path of a MaxMind GeoLite2-Country or GeoIP2-Country .mmdb file on the host; empty "
                                + "for no GeoIP check. The file is read again when it changes."),
                SettingField.of(GEOIP_POINTS, SettingType.INTEGER, "GeoIP: points when the country differs", true,
                        DEFAULT_GEOIP_POINTS)
                        .withHelp("When the IP address lies in another country than the account's billing country."),
                SettingField.of(DISPOSABLE_ENABLED, SettingType.BOOLEAN, "Disposable e-mail check", true, "true"),
                SettingField.of(DISPOSABLE_POINTS, SettingType.INTEGER, "Disposable e-mail: points", true,
                        DEFAULT_DISPOSABLE_POINTS),
                SettingField.text(DISPOSABLE_DOMAINS, "More disposable domains", false)
                        .withHelp("Domains beside the bundled list, separated by commas or spaces; subdomains count."),
                SettingField.text(FIRST_ORDER_LIMITS, "First order: limits", false)
                        .withHelp("A customer's first order above an amount gives points, e.g. 1000 DKK, 150 EUR; "
                                + "empty for no limit."),
                SettingField.of(FIRST_ORDER_POINTS, SettingType.INTEGER, "First order above a limit: points", true,
                        DEFAULT_FIRST_ORDER_POINTS),
                SettingField.of(FIRST_ORDER_GATEWAYS, SettingType.TEXT, "First order: card gateways", false,
                        DEFAULT_FIRST_ORDER_GATEWAYS)
                        .withHelp("Payment gateway ids (separated by commas) whose first orders give the points below."),
                SettingField.of(FIRST_ORDER_GATEWAY_POINTS, SettingType.INTEGER, "First order by card: points", true,
                        DEFAULT_FIRST_ORDER_GATEWAY_POINTS)
                        .withHelp("0 for none."));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        List<String> problems = new ArrayList<>(RiskBasicConfig.problems(candidate));
        if (!problems.isEmpty()) {
            return ConnectionTestResult.failed(String.join(" ", problems));
        }
        String database = candidate.get(GEOIP_DATABASE).map(String::strip).orElse("");
        if (database.isEmpty()) {
            return ConnectionTestResult.succeeded("The settings are usable; no GeoIP database is named.");
        }
        try (GeoIpDatabase geoip = GeoIpDatabase.open(java.nio.file.Path.of(database))) {
            return ConnectionTestResult.succeeded("The settings are usable; the GeoIP database is a "
                    + geoip.type() + " database.");
        } catch (java.io.IOException | RuntimeException e) {
            return ConnectionTestResult.failed("The GeoIP database " + database + " cannot be read: " + e.getMessage());
        }
    }
}
