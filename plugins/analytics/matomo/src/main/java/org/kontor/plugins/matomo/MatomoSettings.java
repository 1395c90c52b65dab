package org.kontor.plugins.matomo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.kontor.api.PluginContext;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.api.settings.SettingsSchema;
import org.pf4j.Extension;

/**
 * The Matomo installation, the website's id, cookieless tracking and the token for the HTTP Tracking API. "Test
 * connection" asks Matomo for the website with the token when one is given, else loads the tracker script.
 */
@Extension
public class MatomoSettings implements SettingsSchema {

    public static final String BASE_URL = "base-url";
    public static final String SITE_ID = "site-id";
    public static final String COOKIELESS = "cookieless";
    public static final String AUTH_TOKEN = "auth-token";
    public static final String TIMEOUT_SECONDS = "timeout-seconds";

    private final PluginContext context;

    public MatomoSettings(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.of(BASE_URL, SettingType.URL, "Matomo address", true, null)
                        .withHelp("Where Matomo is installed, e.g. https://stats.example.org (its matomo.php and "
                                + "matomo.js lie there)."),
                SettingField.of(SITE_ID, SettingType.INTEGER, "Website id", true, null)
                        .withHelp("The id of this shop in Matomo (Administration → Websites → Manage)."),
                SettingField.of(COOKIELESS, SettingType.BOOLEAN, "Track without cookies", true, "true")
                        .withHelp("The tracker sets no cookie (disableCookies) and page views are counted without "
                                + "asking; with cookies, visitors are tracked only after they accept."),
                SettingField.secret(AUTH_TOKEN, "Auth token (token_auth)", false)
                        .withHelp("Optional: a token of a user with write access to the website, for the "
                                + "server-side order tracking and the connection test."),
                SettingField.of(TIMEOUT_SECONDS, SettingType.INTEGER, "Time-out (seconds)", true, "10"));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        MatomoConfig config = MatomoConfig.of(candidate);
        if (!config.configured()) {
            return ConnectionTestResult.failed("Give the Matomo address and the website id (a whole number above 0).");
        }
        String base = config.trackerBase().orElseThrow();
        try {
            if (config.authToken().isPresent()) {
                HttpResponse<String> answer = context.httpClient().send(HttpRequest.newBuilder(URI.create(base
                                + "index.php?module=API&method=SitesManager.getSiteFromId&format=json&idSite="
                                + config.siteId().orElseThrow()))
                        .timeout(config.timeout()).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(MatomoTracking.form(List.<String[]>of(
                                new String[] {"token_auth", config.authToken().get()})))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"idsite\"")) {
                    return ConnectionTestResult.succeeded("Matomo knows website " + config.siteId().get()
                            + " and accepted the token.");
                }
                return ConnectionTestResult.failed("Matomo answered " + answer.statusCode()
                        + " for website " + config.siteId().get() + ": " + abbreviate(answer.body()));
            }
            HttpResponse<Void> script = context.httpClient().send(HttpRequest.newBuilder(URI.create(base + "matomo.js"))
                    .timeout(config.timeout()).GET().build(), HttpResponse.BodyHandlers.discarding());
            return script.statusCode() == 200
                    ? ConnectionTestResult.succeeded("Matomo's tracker script loads from " + base + ".")
                    : ConnectionTestResult.failed(base + "matomo.js answered " + script.statusCode() + ".");
        } catch (IOException e) {
            return ConnectionTestResult.failed("Matomo could not be reached: " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConnectionTestResult.failed("The test was interrupted.");
        }
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
