package org.kontor.plugins.paypal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.money.Money;

/** PayPal's amounts ({@code {"currency_code": "EUR", "value": "12.50"}}) and the currencies it takes. */
public final class Amounts {

    /** The currencies PayPal's REST API takes payments in. */
    public static final Set<String> CURRENCIES = Set.of("AUD", "BRL", "CAD", "CNY", "CZK", "DKK", "EUR", "HKD", "HUF",
            "ILS", "JPY", "MYR", "MXN", "TWD", "NZD", "NOK", "PHP", "PLN", "GBP", "SGD", "SEK", "CHF", "THB", "USD");
    /** Currencies PayPal takes in whole units only, although they have minor units. */
    private static final Set<String> WHOLE_ONLY = Set.of("HUF", "TWD");

    private Amounts() {
    }

    public static boolean supported(Currency currency) {
        return CURRENCIES.contains(currency.getCurrencyCode());
    }

    /**
     * @throws IllegalArgumentException for a currency PayPal does not take, or a fraction PayPal does not take in it
     */
    public static ObjectNode json(Money money) {
        return JsonNodeFactory.instance.objectNode().put("currency_code", money.currencyCode()).put("value", value(money));
    }

    static String value(Money money) {
        if (!supported(money.currency())) {
            throw new IllegalArgumentException("PayPal does not take payments in " + money.currencyCode());
        }
        BigDecimal amount = money.amount();
        if (WHOLE_ONLY.contains(money.currencyCode())) {
            if (amount.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("PayPal takes " + money.currencyCode() + " in whole units only, not "
                        + money);
            }
            return amount.setScale(0).toPlainString();
        }
        return amount.toPlainString();
    }

    /** The amount of a PayPal amount object, as a positive or zero sum; empty when there is none that reads. */
    public static Optional<Money> read(JsonNode amount) {
        String code = amount.path("currency_code").asText("");
        String value = amount.path("value").asText("");
        if (code.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(new BigDecimal(value).abs(), Currency.getInstance(code)));
        } catch (IllegalArgumentException e) { // an unknown currency, a malformed number or too many decimals
            return Optional.empty();
        }
    }
}
