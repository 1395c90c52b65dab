package org.kontor.plugins.paypal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.kontor.plugins.paypal.api.AccessTokens;
import org.kontor.plugins.paypal.api.ApiConfig;
import org.kontor.plugins.paypal.api.ApiResult;
import org.kontor.plugins.paypal.api.PayPalClient;
import org.kontor.plugins.paypal.webhook.WebhookVerifier;
import org.pf4j.Extension;
import org.slf4j.Logger;

/**
 * The REST app's client id and secret, the webhook's id, the API's base URL (live or sandbox) and how webhooks are
 * verified. "Test connection" asks PayPal for an access token with the candidate credentials.
 */
@Extension
public class PayPalSettings implements SettingsSchema {

    public static final String CLIENT_ID = "client.id";
    public static final String CLIENT_SECRET = "client.secret";
    public static final String WEBHOOK_ID = "webhook.id";
    public static final String BASE_URL = "base.url";
    public static final String VERIFICATION = "webhook.verification";
    public static final String TIMEOUT_SECONDS = "timeout.seconds";

    public static final String LIVE = "https://api-m.paypal.com";
    public static final String SANDBOX = "https://api-m.sandbox.paypal.com";
    public static final String BY_CERTIFICATE = "certificate";
    public static final String BY_API = "api";
    private static final long DEFAULT_TIMEOUT = 20;

    private final Supplier<HttpClient> http;
    private final Logger log;
    private final Clock clock;

    public PayPalSettings(PluginContext context) {
        this.http = context::httpClient;
        this.log = context.logger();
        this.clock = context.clock();
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.text(CLIENT_ID, "Client id", true)
                        .withHelp("Of the REST API app in PayPal's developer dashboard (live or sandbox)."),
                SettingField.secret(CLIENT_SECRET, "Secret", true),
                SettingField.text(WEBHOOK_ID, "Webhook id", false)
                        .withHelp("The id PayPal shows for the webhook pointing at /hooks/payment-paypal; "
                                + "without it notifications are refused and payments settle by polling only."),
                SettingField.of(BASE_URL, SettingType.URL, "API base URL", true, LIVE)
                        .withHelp(LIVE + " for live payments, " + SANDBOX + " for PayPal's sandbox."),
                SettingField.choice(VERIFICATION, "Webhook verification", List.of(BY_CERTIFICATE, BY_API),
                                BY_CERTIFICATE)
                        .withHelp("certificate: checked here against PayPal's signing certificate; api: PayPal's "
                                + "verify-webhook-signature API is asked for each notification."),
                SettingField.of(TIMEOUT_SECONDS, SettingType.INTEGER, "Timeout (seconds)", false,
                        Long.toString(DEFAULT_TIMEOUT))
                        .withHelp("How long one request to PayPal may take; an unanswered payment is asked about later."));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        List<String> problems = problems(candidate);
        if (!problems.isEmpty()) {
            return ConnectionTestResult.failed(String.join(" ", problems));
        }
        ApiConfig config = api(candidate);
        ApiResult token = new PayPalClient(http.get(), config, new AccessTokens(clock), log).requestToken();
        String where = config.baseUrl().toString().equals(SANDBOX) ? "PayPal's sandbox" : config.baseUrl().toString()
                .equals(LIVE) ? "PayPal (live)" : config.baseUrl().toString();
        if (token.ok() && token.body().hasNonNull("access_token")) {
            return ConnectionTestResult.succeeded(where + " accepted the client id and secret.");
        }
        if (token.answered() && token.status() < 500) {
            return ConnectionTestResult.failed(where + " refused the client id and secret: " + token.description());
        }
        return ConnectionTestResult.failed(where + " did not answer: " + token.description());
    }

    /** What is wrong with the settings, in English; empty when they are usable. */
    public static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.get(CLIENT_ID).filter(id -> !id.isBlank()).isEmpty()) {
            problems.add("The client id is missing.");
        }
        if (settings.get(CLIENT_SECRET).filter(secret -> !secret.isBlank()).isEmpty()) {
            problems.add("The secret is missing.");
        }
        settings.get(WEBHOOK_ID).map(String::strip).filter(id -> !id.isEmpty() && !id.matches("[A-Za-z0-9]{1,50}"))
                .ifPresent(id -> problems.add("A webhook id is up to 50 letters and digits."));
        try {
            String insecure = api(settings).insecure();
            if (insecure != null) {
                problems.add(insecure);
            }
        } catch (IllegalArgumentException e) {
            problems.add("The base URL or the timeout is not valid.");
        }
        return problems;
    }

    /** The API settings. */
    public static ApiConfig api(Settings settings) {
        long seconds = settings.number(TIMEOUT_SECONDS, DEFAULT_TIMEOUT);
        if (seconds <= 0) {
            throw new IllegalArgumentException("the timeout is at least one second");
        }
        return new ApiConfig(URI.create(settings.get(BASE_URL).map(String::strip).filter(url -> !url.isEmpty())
                .orElse(LIVE)), settings.get(CLIENT_ID).map(String::strip).orElse(null),
                settings.get(CLIENT_SECRET).map(String::strip).orElse(null), Duration.ofSeconds(seconds));
    }

    public static WebhookVerifier.Mode verification(Settings settings) {
        return settings.get(VERIFICATION).map(mode -> mode.strip().toLowerCase(Locale.ROOT)).filter(BY_API::equals)
                .map(mode -> WebhookVerifier.Mode.API).orElse(WebhookVerifier.Mode.CERTIFICATE);
    }
}
