package org.kontor.plugins.googleanalytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
 * The GA4 data stream's measurement id and Measurement Protocol API secret. "Test connection" sends a sample purchase
 * to GA4's validation server, which checks it without recording anything.
 */
@Extension
public class GoogleSettings implements SettingsSchema {

    public static final String MEASUREMENT_ID = "measurement-id";
    public static final String API_SECRET = "api-secret";
    public static final String BASE_URL = "base-url";
    public static final String DEFAULT_BASE_URL = "https://www.google-analytics.com";
    public static final String TIMEOUT_SECONDS = "timeout-seconds";

    private final PluginContext context;

    public GoogleSettings(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<SettingField> fields() {
        return List.of(
                SettingField.text(MEASUREMENT_ID, "Measurement id", true)
                        .withHelp("The web data stream's id, G-… (Admin → Data streams)."),
                SettingField.secret(API_SECRET, "Measurement Protocol API secret", false)
                        .withHelp("Created under the data stream's Measurement Protocol API secrets; needed for "
                                + "purchases sent from the server."),
                SettingField.of(BASE_URL, SettingType.URL, "Measurement Protocol address", true, DEFAULT_BASE_URL)
                        .withHelp("https://region1.google-analytics.com collects in the EU."),
                SettingField.of(TIMEOUT_SECONDS, SettingType.INTEGER, "Time-out (seconds)", true, "10"));
    }

    @Override
    public ConnectionTestResult testConnection(Settings candidate) {
        GoogleConfig config = GoogleConfig.of(candidate);
        if (!config.configured()) {
            return ConnectionTestResult.failed("The measurement id has the form G-XXXXXXXXXX.");
        }
        if (!config.sendsPurchases()) {
            return ConnectionTestResult.failed("Without an API secret only page views are measured; give one to send "
                    + "purchases from the server and to test it.");
        }
        MeasurementProtocol protocol = new MeasurementProtocol(context.httpClient());
        ObjectNode sample = new ObjectMapper().createObjectNode();
        sample.put("client_id", "1.1");
        sample.putArray("events").addObject().put("name", "kontor_connection_test");
        try {
            HttpResponse<String> answer = protocol.validate(config, sample);
            if (answer.statusCode() != 200) {
                return ConnectionTestResult.failed("GA4's validation server answered " + answer.statusCode() + ".");
            }
            JsonNode messages = new ObjectMapper().readTree(answer.body()).path("validationMessages");
            if (messages.isArray() && !messages.isEmpty()) {
                return ConnectionTestResult.failed("GA4 refused the sample event: "
                        + messages.path(0).path("description").asText() + ".");
            }
            return ConnectionTestResult.succeeded("GA4's validation server accepted a sample event for "
                    + config.measurementId().get() + ".");
        } catch (IOException e) {
            return ConnectionTestResult.failed("GA4 could not be reached: " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ConnectionTestResult.failed("The test was interrupted.");
        }
    }
}
