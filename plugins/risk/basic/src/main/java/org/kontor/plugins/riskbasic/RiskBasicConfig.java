package org.kontor.plugins.riskbasic;

import static org.kontor.plugins.riskbasic.RiskBasicSettings.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.money.Money;
import org.kontor.api.settings.Settings;

/** The plugin's settings as the checks use them, read fresh at each assessment (the operator may change them). */
final class RiskBasicConfig {

    /** A limit per key type: more than {@code limit} in the window gives {@code points}. */
    record Limit(int limit, int points) {
    }

    private final Settings settings;

    RiskBasicConfig(Settings settings) {
        this.settings = settings;
    }

    boolean velocityEnabled() {
        return bool(VELOCITY_ENABLED, true);
    }

    Duration window() {
        return Duration.ofMinutes(Math.max(1, number(VELOCITY_WINDOW_MINUTES, DEFAULT_WINDOW_MINUTES)));
    }

    /** How long observations are kept: the kept days, but never less than the window. */
    Duration keep() {
        Duration days = Duration.ofDays(Math.max(1, number(VELOCITY_KEEP_DAYS, DEFAULT_KEEP_DAYS)));
        return days.compareTo(window()) < 0 ? window() : days;
    }

    Limit limit(VelocityKey.Type type) {
        return switch (type) {
            case IP -> limit(VELOCITY_IP_LIMIT, DEFAULT_IP_LIMIT, VELOCITY_IP_POINTS, DEFAULT_IP_POINTS);
            case EMAIL -> limit(VELOCITY_EMAIL_LIMIT, DEFAULT_EMAIL_LIMIT, VELOCITY_EMAIL_POINTS, DEFAULT_EMAIL_POINTS);
            case ACCOUNT -> limit(VELOCITY_ACCOUNT_LIMIT, DEFAULT_ACCOUNT_LIMIT, VELOCITY_ACCOUNT_POINTS,
                    DEFAULT_ACCOUNT_POINTS);
            case CARD -> limit(VELOCITY_CARD_LIMIT, DEFAULT_CARD_LIMIT, VELOCITY_CARD_POINTS, DEFAULT_CARD_POINTS);
        };
    }

    /** The GeoIP database file, if one is named. */
    Optional<String> geoIpDatabase() {
        return settings.get(GEOIP_DATABASE).map(String::strip).filter(path -> !path.isEmpty());
    }

    int geoIpPoints() {
        return number(GEOIP_POINTS, DEFAULT_GEOIP_POINTS);
    }

    boolean disposableEnabled() {
        return bool(DISPOSABLE_ENABLED, true);
    }

    int disposablePoints() {
        return number(DISPOSABLE_POINTS, DEFAULT_DISPOSABLE_POINTS);
    }

    /** The operator's own disposable domains, lower case. */
    Set<String> extraDisposableDomains() {
        Set<String> domains = new LinkedHashSet<>();
        for (String domain : list(settings.get(DISPOSABLE_DOMAINS).orElse(""))) {
            domains.add(domain.toLowerCase(Locale.ROOT).replaceFirst("^[@.]+", ""));
        }
        domains.remove("");
        return domains;
    }

    /** The first-order limits by currency; an unreadable entry is left out (see {@link #problems}). */
    Map<Currency, Money> firstOrderLimits() {
        Map<Currency, Money> limits = new LinkedHashMap<>();
        for (String entry : settings.get(FIRST_ORDER_LIMITS).orElse("").split(",")) {
            parseLimit(entry).ifPresent(limit -> limits.put(limit.currency(), limit));
        }
        return limits;
    }

    int firstOrderPoints() {
        return number(FIRST_ORDER_POINTS, DEFAULT_FIRST_ORDER_POINTS);
    }

    Set<String> firstOrderGateways() {
        return new LinkedHashSet<>(list(settings.get(FIRST_ORDER_GATEWAYS).orElse(DEFAULT_FIRST_ORDER_GATEWAYS)));
    }

    int firstOrderGatewayPoints() {
        return number(FIRST_ORDER_GATEWAY_POINTS, DEFAULT_FIRST_ORDER_GATEWAY_POINTS);
    }

    /** What is wrong with the settings, in English; empty when they are usable. */
    static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        for (String key : List.of(VELOCITY_WINDOW_MINUTES, VELOCITY_KEEP_DAYS, VELOCITY_IP_LIMIT, VELOCITY_IP_POINTS,
                VELOCITY_EMAIL_LIMIT, VELOCITY_EMAIL_POINTS, VELOCITY_ACCOUNT_LIMIT, VELOCITY_ACCOUNT_POINTS,
                VELOCITY_CARD_LIMIT, VELOCITY_CARD_POINTS, GEOIP_POINTS, DISPOSABLE_POINTS, FIRST_ORDER_POINTS,
                FIRST_ORDER_GATEWAY_POINTS)) {
            String value = settings.get(key).map(String::strip).orElse("");
            if (!value.isEmpty() && !value.matches("\\d{1,6}")) {
                problems.add(key + " is a whole number of at least 0.");
            }
        }
        for (String entry : settings.get(FIRST_ORDER_LIMITS).orElse("").split(",")) {
            if (!entry.isBlank() && parseLimit(entry).isEmpty()) {
                problems.add("'" + entry.strip() + "' is not an amount with its currency, e.g. 1000 DKK.");
            }
        }
        return problems;
    }

    private static Optional<Money> parseLimit(String entry) {
        String[] parts = entry.strip().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(parts[0], parts[1].toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Limit limit(String limitKey, String limitDefault, String pointsKey, String pointsDefault) {
        return new Limit(number(limitKey, limitDefault), number(pointsKey, pointsDefault));
    }

    private int number(String key, String fallback) {
        String value = settings.get(key).map(String::strip).filter(text -> !text.isEmpty()).orElse(fallback);
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Integer.parseInt(fallback);
        }
    }

    private boolean bool(String key, boolean fallback) {
        return settings.get(key).map(String::strip).filter(text -> !text.isEmpty()).map(Boolean::parseBoolean)
                .orElse(fallback);
    }

    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split("[\\s,;]+")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
