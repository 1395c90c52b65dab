package org.kontor.host.verification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kontor.api.money.Money;
import org.kontor.host.config.KontorConfig;

/**
 * The operator's rules for credit scores (PAY-6), from the {@code risk.credit-score.*} settings.
 *
 * @param methods         the payment methods (gateway or funding source ids) paid after the service is given; empty:
 *                        the bureau is never asked
 * @param from            the order total from which the bureau is asked, or empty for every total
 * @param cacheDays       how long a bureau's answer is used before it is asked again
 * @param highRiskPoints  the points of a HIGH_RISK rating
 * @param mediumRiskPoints the points of a MEDIUM_RISK rating
 * @param lowRiskPoints   the points of a LOW_RISK rating
 * @param unknownPoints   the points when the bureau does not know the customer
 */
public record CreditScoreSettings(Set<String> methods, Optional<Money> from, int cacheDays, int highRiskPoints,
                                  int mediumRiskPoints, int lowRiskPoints, int unknownPoints) {

    public CreditScoreSettings {
        methods = Set.copyOf(methods);
        if (cacheDays < 0 || highRiskPoints < 0 || mediumRiskPoints < 0 || lowRiskPoints < 0 || unknownPoints < 0) {
            throw new IllegalArgumentException("risk.credit-score: days and points must not be negative");
        }
    }

    /**
     * The settings {@code risk.credit-score.methods} (comma separated), {@code .from} ("500 EUR"; an amount alone is
     * in {@code orders.default-currency}), {@code .cache-days} and {@code .points.high-risk}, {@code .points.medium-risk},
     * {@code .points.low-risk}, {@code .points.unknown}.
     */
    public static CreditScoreSettings from(KontorConfig config) {
        Set<String> methods = new TreeSet<>();
        Arrays.stream(config.get("risk.credit-score.methods").orElse("").split("[\\s,]+"))
                .filter(method -> !method.isBlank()).map(method -> method.strip().toLowerCase(Locale.ROOT))
                .forEach(methods::add);
        String from = config.get("risk.credit-score.from").orElse("").strip();
        Optional<Money> threshold = Optional.empty();
        if (!from.isEmpty()) {
            String[] parts = from.split("\\s+");
            threshold = Optional.of(Money.of(parts[0], parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT)
                    : config.require("orders.default-currency")));
        }
        return new CreditScoreSettings(methods, threshold, config.integer("risk.credit-score.cache-days"),
                config.integer("risk.credit-score.points.high-risk"), config.integer("risk.credit-score.points.medium-risk"),
                config.integer("risk.credit-score.points.low-risk"), config.integer("risk.credit-score.points.unknown"));
    }
}
