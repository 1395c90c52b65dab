package org.kontor.plugins.sandbox.service;

import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.CREATE_PRICE;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.CREDIT_LIMIT;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.CREDIT_THRESHOLD;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.DK_DECISION_DELAY_SECONDS;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.TRANSFER_AUTO_APPROVE_DAYS;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.CURRENCY;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.FIELDS;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.IDLE_TIMEOUT_SECONDS;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.MAX_SESSIONS;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.OPENING_BALANCE;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.PORT;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.REGISTRAR_ID;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.REGISTRAR_PASSWORD;
import static org.kontor.plugins.sandbox.service.SandboxSettingsSchema.TLDS;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kontor.api.money.Money;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.sandbox.settings.RegistrarAccount;
import org.kontor.plugins.sandbox.settings.RegistryRules;
import org.kontor.plugins.sandbox.settings.SandboxSettings;

/**
 * The plugin settings as the sandbox service uses them, checked beyond what their types say.
 *
 * @param port the loopback port, 0 for any free one
 * @param tlds the TLDs that can be registered, lower case, without dots
 * @param password the registrar's password, empty when the operator set none
 */
public record ServiceConfig(int port, List<String> tlds, String registrarId, String password, Money openingBalance,
        Money createPrice, Duration idleTimeout, int maxSessions, RegistryRules rules) {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{3,16}");
    private static final Pattern TLD = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public ServiceConfig {
        tlds = List.copyOf(tlds);
        Objects.requireNonNull(registrarId, "registrarId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(openingBalance, "openingBalance");
        Objects.requireNonNull(createPrice, "createPrice");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(rules, "rules");
    }

    /**
     * Reads the settings, taking a field's default where a value is missing.
     *
     * @throws IllegalArgumentException naming the setting whose value is refused
     */
    public static ServiceConfig read(Settings settings) {
        int port = (int) number(settings, PORT, 0, 65_535);
        List<String> tlds = Arrays.stream(value(settings, TLDS).split(","))
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .map(t -> t.startsWith(".") ? t.substring(1) : t)
                .filter(t -> !t.isEmpty()).distinct().toList();
        if (tlds.isEmpty()) {
            throw new IllegalArgumentException("setting '" + TLDS + "' names no TLD");
        }
        for (String tld : tlds) {
            if (!TLD.matcher(tld).matches()) {
                throw new IllegalArgumentException("setting '" + TLDS + "': '" + tld + "' is not a TLD");
            }
        }
        String registrarId = value(settings, REGISTRAR_ID).strip();
        if (!CLIENT_ID.matcher(registrarId).matches()) {
            throw new IllegalArgumentException("setting '" + REGISTRAR_ID
                    + "' must be 3 to 16 letters, digits, dots, hyphens or underscores");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(value(settings, CURRENCY).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + CURRENCY + "' is not an ISO 4217 currency code");
        }
        Money opening = money(settings, OPENING_BALANCE, currency);
        if (opening.isNegative()) {
            throw new IllegalArgumentException("setting '" + OPENING_BALANCE + "' must not be negative");
        }
        Money price = money(settings, CREATE_PRICE, currency);
        if (!price.isPositive()) {
            throw new IllegalArgumentException("setting '" + CREATE_PRICE + "' must be above zero");
        }
        Duration idle = Duration.ofSeconds(number(settings, IDLE_TIMEOUT_SECONDS, 1, 86_400));
        int maxSessions = (int) number(settings, MAX_SESSIONS, 1, 100);
        String password = settings.get(REGISTRAR_PASSWORD).orElse("");
        Duration autoApprove = Duration.ofDays(number(settings, TRANSFER_AUTO_APPROVE_DAYS, 0, 60));
        Duration decision = Duration.ofSeconds(number(settings, DK_DECISION_DELAY_SECONDS, 0, 7 * 86_400));
        Money creditLimit = money(settings, CREDIT_LIMIT, currency);
        Money threshold = money(settings, CREDIT_THRESHOLD, currency);
        if (creditLimit.isNegative() || threshold.isNegative()) {
            throw new IllegalArgumentException("setting '" + (creditLimit.isNegative() ? CREDIT_LIMIT : CREDIT_THRESHOLD)
                    + "' must not be negative");
        }
        RegistryRules rules = RegistryRules.DEFAULT.withTransferAutoApprove(autoApprove).withDkDecisionDelay(decision)
                .withCredit(creditLimit.amount(), threshold.amount());
        return new ServiceConfig(port, tlds, registrarId, password, opening, price, idle, maxSessions, rules);
    }

    /** Whether the operator left the registrar's password empty: the sandbox then stays stopped. */
    public boolean passwordMissing() {
        return password.isBlank();
    }

    /**
     * The server's settings: the .dk session rules with this one registrar and one price for every TLD, the .dk
     * profile for {@code dk}, references checked, and the configured transfer, decision and credit rules.
     */
    public SandboxSettings sandboxSettings() {
        if (passwordMissing()) {
            throw new IllegalStateException("setting '" + REGISTRAR_PASSWORD + "' is empty");
        }
        Map<String, Money> prices = new LinkedHashMap<>();
        tlds.forEach(tld -> prices.put(tld, createPrice));
        return SandboxSettings.dk(List.of(new RegistrarAccount(registrarId, password, openingBalance)), prices,
                idleTimeout, maxSessions).withRules(rules);
    }

    @Override
    public String toString() {
        return "ServiceConfig[port=" + port + ", tlds=" + tlds + ", registrarId=" + registrarId + ", password="
                + (passwordMissing() ? "(empty)" : "(set)") + ", openingBalance=" + openingBalance + ", createPrice="
                + createPrice + ", idleTimeout=" + idleTimeout + ", maxSessions=" + maxSessions + ", rules=" + rules + "]";
    }

    private static String value(Settings settings, String key) {
        return settings.get(key).filter(v -> !v.isBlank())
                .or(() -> FIELDS.stream().filter(f -> f.key().equals(key)).map(SettingField::defaultValue)
                        .filter(Objects::nonNull).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("setting '" + key + "' is not configured"));
    }

    private static long number(Settings settings, String key, long min, long max) {
        long value;
        try {
            value = Long.parseLong(value(settings, key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("setting '" + key + "' must lie between " + min + " and " + max);
        }
        return value;
    }

    private static Money money(Settings settings, String key, Currency currency) {
        try {
            return Money.of(new BigDecimal(value(settings, key).strip()), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be a number");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting '" + key + "': " + e.getMessage());
        }
    }
}
