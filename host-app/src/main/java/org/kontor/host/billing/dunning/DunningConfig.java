package org.kontor.host.billing.dunning;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kontor.api.money.Money;
import org.kontor.host.config.ConfigException;
import org.kontor.host.config.KontorConfig;

/**
 * The {@code billing.dunning.*} configuration.
 *
 * @param enabled whether the daily job runs ({@code billing.dunning.enabled})
 * @param runAt   when it runs, in {@code zone} ({@code billing.dunning.run-at}, e.g. 06:00)
 * @param zone    the zone whose calendar says which day it is (the billing zone)
 */
public record DunningConfig(boolean enabled, LocalTime runAt, ZoneId zone, Map<DunningLevel, LevelTerms> levels) {

    public DunningConfig {
        levels = Map.copyOf(new EnumMap<>(levels));
        for (DunningLevel level : DunningLevel.values()) {
            if (!levels.containsKey(level)) {
                throw new IllegalArgumentException("no terms for " + level);
            }
        }
    }

    public LevelTerms terms(DunningLevel level) {
        return levels.get(level);
    }

    /**
     * Reads {@code billing.dunning.enabled}, {@code billing.dunning.run-at} and per level ({@code reminder},
     * {@code first}, {@code second}) {@code billing.dunning.days.<level>}, {@code billing.dunning.fee.<level>}
     * ({@code DKK 100, EUR 15}; empty for none) and {@code billing.dunning.interest.<level>} (percent per year).
     */
    public static DunningConfig from(KontorConfig config, ZoneId zone) {
        Map<DunningLevel, LevelTerms> levels = new EnumMap<>(DunningLevel.class);
        for (DunningLevel level : DunningLevel.values()) {
            String daysKey = "billing.dunning.days." + level.configName();
            int days = config.get(daysKey).isPresent() ? config.integer(daysKey) : 14;
            if (days < 0) {
                throw new ConfigException(daysKey, "must not be negative, was " + days);
            }
            String feeKey = "billing.dunning.fee." + level.configName();
            String interestKey = "billing.dunning.interest." + level.configName();
            levels.put(level, new LevelTerms(level, days, fees(feeKey, config.get(feeKey).orElse("")),
                    rate(interestKey, config.get(interestKey).orElse("0"))));
        }
        String runAtKey = "billing.dunning.run-at";
        LocalTime runAt;
        try {
            runAt = LocalTime.parse(config.get(runAtKey).orElse("06:00"));
        } catch (DateTimeParseException e) {
            throw new ConfigException(runAtKey, "must be a time of day such as 06:00");
        }
        return new DunningConfig(config.flag("billing.dunning.enabled"), runAt, zone, levels);
    }

    /** {@code "DKK 100, EUR 15"}: a fee per currency. */
    static Map<Currency, Money> fees(String key, String text) {
        Map<Currency, Money> fees = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] words = entry.split("\\s+");
            try {
                if (words.length != 2) {
                    throw new IllegalArgumentException("not a currency and an amount");
                }
                Money fee = Money.of(words[1], words[0]);
                if (fee.isNegative() || fees.put(fee.currency(), fee) != null) {
                    throw new IllegalArgumentException("negative or repeated");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, "must list fees as 'DKK 100, EUR 15'; '" + entry + "' is not one");
            }
        }
        return fees;
    }

    private static BigDecimal rate(String key, String text) {
        try {
            BigDecimal rate = new BigDecimal(text.strip());
            if (rate.signum() < 0) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a percentage of zero or more such as 8.27, was '" + text + "'");
        }
    }
}
