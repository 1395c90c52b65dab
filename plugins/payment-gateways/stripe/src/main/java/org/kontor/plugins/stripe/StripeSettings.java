package org.kontor.plugins.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.kontor.plugins.stripe.api.Form;
import org.kontor.plugins.stripe.api.StripeAnswer;
import org.kontor.plugins.stripe.api.StripeApi;
import org.kontor.plugins.stripe.api.StripeUnavailableException;
import org.pf4j.Extension;

/**
 * The Stripe account's keys and the Checkout options. "Test connection" checks the keys' form and lists one Checkout
 * Session with the secret key, which needs exactly the access the gateway needs.
 */
@Extension
public class StripeSettings implements SettingsSchema {

    public static final String SECRET_KEY = "secret-key";
    public static final String WEBHOOK_SECRET = "webhook-secret";
    public static final String BASE_URL = "base-url";
    public static final String DEFAULT_BASE_URL = "https://api.stripe.com";
    public static final String METHOD_TYPES = "payment-method-types";
    public static final String CURRENCIES = "currencies";
    public static final String RETURN_URL = "return-url";
    public static final String TIMEOUT_SECONDS = "timeout-seconds";

    private final PluginContext context;

    public StripeSettings(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.secret(SECRET_KEY, "Secret key", true)
                        .withHelp("sk_live_… (sk_test_… for test mode), or a restricted key rk_… that may write "
                                + "Checkout Sessions, PaymentIntents and Refunds."),
                SettingField.secret(WEBHOOK_SECRET, "Webhook signing secret", true)
                        .withHelp("whsec_… of the endpoint <your address>/hooks/payment-stripe, created with API version "
                                + StripeApi.VERSION + ". While rolling the secret, give both separated by a comma. Subscribe it to "
                                + "charge.succeeded too, so that risk checks see the card's fingerprint."),
                SettingField.of(BASE_URL, SettingType.URL, "API address", true, DEFAULT_BASE_URL),
                SettingField.text(METHOD_TYPES, "Payment method types", false)
                        .withHelp("Stripe's types offered at Checkout, e.g. card,sepa_debit,klarna; empty for those "
                                + "enabled in the Stripe Dashboard."),
                SettingField.text(CURRENCIES, "Currencies", false)
                        .withHelp("ISO codes separated by commas, e.g. EUR,DKK; empty for every currency."),
                SettingField.of(RETURN_URL, SettingType.URL, "Return address", false, null)
                        .withHelp("Where Stripe sends the customer after paying when Kontor names no address."),
                SettingField.of(TIMEOUT_SECONDS, SettingType.INTEGER, "Time-out (seconds)", true, "30"));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        List<String> problems = problems(candidate);
        if (!problems.isEmpty()) {
            return ConnectionTestResult.failed(String.join(" ", problems));
        }
        StripeConfig config = StripeConfig.of(candidate);
        StripeAnswer answer;
        try {
            answer = new StripeApi(context.httpClient(), config, new ObjectMapper())
                    .get("/v1/checkout/sessions", new Form().add("limit", 1));
        } catch (StripeUnavailableException e) {
            return ConnectionTestResult.failed("Stripe could not be reached: " + e.getMessage() + ".");
        }
        if (!answer.ok()) {
            return ConnectionTestResult.failed("Stripe refused the secret key: " + answer.errorMessage() + ".");
        }
        boolean live = answer.body().path("data").path(0).path("livemode").asBoolean(
                config.secretKey().orElse("").contains("_live_"));
        return ConnectionTestResult.succeeded("Stripe accepted the secret key (" + (live ? "live" : "test")
                + " mode).");
    }

    /** What is wrong with the settings, in English; empty when they are usable. */
    public static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        String key = settings.get(SECRET_KEY).map(String::strip).orElse("");
        if (!key.matches("(sk|rk)_(test|live)_[A-Za-z0-9]+")) {
            problems.add("The secret key starts with sk_live_, sk_test_, rk_live_ or rk_test_.");
        }
        List<String> secrets = StripeConfig.list(settings.get(WEBHOOK_SECRET).orElse(""));
        if (secrets.isEmpty() || secrets.stream().anyMatch(secret -> !secret.matches("whsec_[A-Za-z0-9]+"))) {
            problems.add("The webhook signing secret starts with whsec_.");
        }
        String base = settings.get(BASE_URL).map(String::strip).orElse(DEFAULT_BASE_URL);
        try {
            URI uri = URI.create(base);
            if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                problems.add("The API address is an http or https address.");
            }
        } catch (IllegalArgumentException e) {
            problems.add("The API address is an http or https address.");
        }
        for (String type : StripeConfig.list(settings.get(METHOD_TYPES).orElse(""))) {
            if (!type.toLowerCase(Locale.ROOT).matches("[a-z_]+")) {
                problems.add("'" + type + "' is not a Stripe payment method type.");
            }
        }
        for (String code : StripeConfig.list(settings.get(CURRENCIES).orElse(""))) {
            try {
                Currency.getInstance(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("'" + code + "' is not a currency code.");
            }
        }
        return problems;
    }
}
