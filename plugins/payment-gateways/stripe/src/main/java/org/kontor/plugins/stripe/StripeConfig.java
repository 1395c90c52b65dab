package org.kontor.plugins.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.settings.Settings;

/**
 * The plugin's settings, read at the moment of use (the operator may change them at any time).
 *
 * @param secretKey          the API's secret (or restricted) key; empty when not configured
 * @param webhookSecrets     the endpoint's signing secrets; two while the operator rolls the secret
 * @param methodTypes        Stripe's payment method types offered at Checkout; empty for those enabled in the Dashboard
 * @param currencies         the currencies offered; empty for every currency
 * @param returnUrl          where Checkout sends the customer back when the host names no address, or null
 */
public record StripeConfig(Optional<String> secretKey, List<String> webhookSecrets, URI baseUrl,
                           List<String> methodTypes, Set<Currency> currencies, URI returnUrl, Duration timeout) {

    public static StripeConfig of(Settings settings) {
        return new StripeConfig(
                settings.get(StripeSettings.SECRET_KEY).map(String::strip).filter(key -> !key.isEmpty()),
                list(settings.get(StripeSettings.WEBHOOK_SECRET).orElse("")),
                URI.create(settings.get(StripeSettings.BASE_URL).map(String::strip).filter(url -> !url.isEmpty())
                        .orElse(StripeSettings.DEFAULT_BASE_URL).replaceAll("/+$", "")),
                list(settings.get(StripeSettings.METHOD_TYPES).orElse("")).stream()
                        .map(type -> type.toLowerCase(Locale.ROOT)).toList(),
                currencies(settings.get(StripeSettings.CURRENCIES).orElse("")),
                settings.get(StripeSettings.RETURN_URL).map(String::strip).filter(url -> !url.isEmpty())
                        .map(URI::create).orElse(null),
                Duration.ofSeconds(Math.max(1, settings.number(StripeSettings.TIMEOUT_SECONDS, 30))));
    }

    /** Without the secrets, so that the settings can be logged. */
    @Override
    public String toString() {
        return "StripeConfig[secretKey=" + (secretKey.isPresent() ? "(set)" : "(none)") + ", webhookSecrets="
                + webhookSecrets.size() + ", baseUrl=" + baseUrl + ", methodTypes=" + methodTypes + ", currencies="
                + currencies + ", returnUrl=" + returnUrl + ", timeout=" + timeout + "]";
    }

    /** The Kontor methods behind Stripe's payment method types; CARD (and others) when the Dashboard decides. */
    public Set<PaymentMethodType> methods() {
        if (methodTypes.isEmpty()) {
            return Set.of(PaymentMethodType.CARD, PaymentMethodType.OTHER);
        }
        Set<PaymentMethodType> methods = new LinkedHashSet<>();
        for (String type : methodTypes) {
            methods.add(switch (type) {
                case "card" -> PaymentMethodType.CARD;
                case "sepa_debit" -> PaymentMethodType.SEPA_DIRECT_DEBIT;
                case "paypal" -> PaymentMethodType.PAYPAL;
                case "customer_balance" -> PaymentMethodType.BANK_TRANSFER;
                default -> PaymentMethodType.OTHER;
            });
        }
        return Set.copyOf(methods);
    }

    /** Whether payments in the currency are offered. */
    public boolean offers(Currency currency) {
        return currencies.isEmpty() || currencies.contains(currency);
    }

    /** The currencies of a list of codes; unknown codes are left out (the settings' check names them). */
    static Set<Currency> currencies(String raw) {
        Set<Currency> currencies = new LinkedHashSet<>();
        for (String code : list(raw)) {
            try {
                currencies.add(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // reported by StripeSettings.problems
            }
        }
        return Set.copyOf(currencies);
    }

    static List<String> list(String raw) {
        return Arrays.stream(raw.split("[,\\s]+")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }
}
