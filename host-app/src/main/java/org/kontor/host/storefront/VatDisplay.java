package org.kontor.host.storefront;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.money.Money;

/**
 * How a price is shown to a customer: catalog prices are net; a consumer (B2C) in a country with a configured VAT rate
 * sees them with that country's VAT added, a business, or anyone whose country has no rate here, sees them net. The
 * label says which ({@code storefront.vat.incl} or {@code storefront.vat.excl}). Rates come from
 * {@code storefront.vat-rates} ({@code DK=25,DE=19,CZ=21,SK=23}, percent).
 */
public final class VatDisplay {

    private final Map<String, BigDecimal> rates;

    public VatDisplay(Map<String, BigDecimal> rates) {
        this.rates = Map.copyOf(rates);
    }

    /**
     * @throws IllegalArgumentException for a malformed list, naming the bad entry
     */
    public static VatDisplay parse(String spec) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (String entry : spec == null ? new String[0] : spec.split("[,;\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || !parts[0].strip().matches("[A-Za-z]{2}")) {
                throw new IllegalArgumentException("storefront.vat-rates: '" + entry
                        + "' is not COUNTRY=PERCENT such as DK=25");
            }
            BigDecimal rate;
            try {
                rate = new BigDecimal(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("storefront.vat-rates: '" + entry + "' has no number as its rate");
            }
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("storefront.vat-rates: '" + entry + "' is not between 0 and 100");
            }
            rates.put(parts[0].strip().toUpperCase(Locale.ROOT), rate);
        }
        return new VatDisplay(rates);
    }

    /** A price as shown: the amount, whether VAT is in it and at which rate (percent). */
    public record Shown(Money amount, boolean includesVat, BigDecimal ratePercent) {
    }

    /** How prices are shown to a customer of {@code country} (ISO 3166, any case), a business or not. */
    public Rule rule(Optional<String> country, boolean business) {
        if (business || country.isEmpty()) {
            return Rule.NET;
        }
        BigDecimal rate = rates.get(country.get().toUpperCase(Locale.ROOT));
        return rate == null ? Rule.NET : new Rule(true, rate);
    }

    /** Whether VAT is added, at which rate. */
    public record Rule(boolean includesVat, BigDecimal ratePercent) {

        static final Rule NET = new Rule(false, BigDecimal.ZERO);

        /** The net price as the customer sees it, rounded half up to the currency's minor unit. */
        public Shown show(Money net) {
            if (!includesVat) {
                return new Shown(net, false, BigDecimal.ZERO);
            }
            BigDecimal factor = BigDecimal.ONE.add(ratePercent.movePointLeft(2));
            return new Shown(net.times(factor, RoundingMode.HALF_UP), true, ratePercent);
        }

        /** The message key of the label: {@code storefront.vat.incl} or {@code storefront.vat.excl}. */
        public String labelKey() {
            return includesVat ? "storefront.vat.incl" : "storefront.vat.excl";
        }
    }

    public Map<String, BigDecimal> rates() {
        return rates;
    }
}
