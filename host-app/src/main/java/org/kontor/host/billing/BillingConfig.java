package org.kontor.host.billing;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kontor.host.config.ConfigException;
import org.kontor.host.config.KontorConfig;

/** The {@code billing.*} configuration. */
public record BillingConfig(Seller seller, InvoiceNumbers numbers, int paymentTermsDays, ZoneId zone) {

    public static BillingConfig from(KontorConfig config) {
        String name = config.require("billing.seller.name");
        List<String> street = Arrays.stream(config.get("billing.seller.street").orElse("").split("\\|"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        Party party = new Party(name, config.get("billing.seller.company").orElse(name), street,
                config.get("billing.seller.postal-code").orElse(null), config.get("billing.seller.city").orElse(null),
                config.require("billing.seller.country"), config.get("billing.seller.vat-id").orElse(null),
                config.get("billing.seller.registration-number").orElse(null),
                config.get("billing.seller.tax-number").orElse(null), config.get("billing.seller.email").orElse(null));
        Seller seller = new Seller(party, config.get("billing.seller.iban").map(iban -> iban.replace(" ", "")).orElse(null),
                config.get("billing.seller.bic").orElse(null), config.get("billing.seller.bank-name").orElse(null),
                config.get("billing.seller.fi-creditor").orElse(null));
        Map<Series, InvoiceNumberFormat> formats = new EnumMap<>(Series.class);
        for (Series series : Series.values()) {
            String format = config.get(series.configKey()).orElse(series.defaultFormat());
            try {
                formats.put(series, new InvoiceNumberFormat(format));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(series.configKey(), e.getMessage());
            }
        }
        int terms = config.get("billing.payment-terms-days").isPresent() ? config.integer("billing.payment-terms-days") : 14;
        ZoneId zone = ZoneId.of(config.get("billing.time-zone").orElse("Europe/Copenhagen"));
        return new BillingConfig(seller, new InvoiceNumbers(formats), terms, zone);
    }
}
