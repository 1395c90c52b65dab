package org.kontor.host.billing.vat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** The standard VAT rate of each EU member state, from {@code eu-standard-rates.properties}. */
public final class EuVatRates {

    private final Map<String, BigDecimal> rates;

    public EuVatRates(Map<String, BigDecimal> rates) {
        this.rates = Map.copyOf(rates);
    }

    public static EuVatRates standard() {
        Properties properties = new Properties();
        try (InputStream in = EuVatRates.class.getResourceAsStream("eu-standard-rates.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, BigDecimal> rates = new TreeMap<>();
        properties.forEach((country, rate) -> rates.put((String) country, new BigDecimal(((String) rate).strip())));
        return new EuVatRates(rates);
    }

    /** Whether the country is an EU member state; accepts EL for Greece. */
    public boolean isEu(String countryCode) {
        return rates.containsKey(normalise(countryCode));
    }

    public Optional<BigDecimal> standardRate(String countryCode) {
        return Optional.ofNullable(rates.get(normalise(countryCode)));
    }

    static String normalise(String countryCode) {
        String code = countryCode.strip().toUpperCase(Locale.ROOT);
        return code.equals("EL") ? "GR" : code;
    }
}
