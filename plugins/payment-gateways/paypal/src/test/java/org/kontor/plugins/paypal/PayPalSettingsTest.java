package org.kontor.plugins.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The settings form and its connection test against WireMock answering as PayPal's token endpoint. */
@DatabaseTest(plugins = "payment-paypal")
class PayPalSettingsTest {

    private PayPalFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private static Settings of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @DbTest
    void theFormHasTheCredentialsTheWebhookTheBaseUrlAndTheVerification(Database db) {
        f = new PayPalFixture(db);
        PayPalSettings schema = new PayPalSettings(f.context);

        assertThat(schema.fields()).extracting(SettingField::key).containsExactly("client.id", "client.secret",
                "webhook.id", "base.url", "webhook.verification", "timeout.seconds");
        SettingField secret = schema.fields().get(1);
        assertThat(secret.isSecret()).isTrue();
        SettingField baseUrl = schema.fields().get(3);
        assertThat(baseUrl.defaultValue()).isEqualTo("https://api-m.paypal.com");
        assertThat(baseUrl.help()).contains("https://api-m.sandbox.paypal.com");
        assertThat(baseUrl.validate("not a url")).isPresent();
        SettingField verification = schema.fields().get(4);
        assertThat(verification.choices()).containsExactly("certificate", "api");
        assertThat(verification.validate("hmac")).isPresent();
        assertThat(verification.defaultValue()).isEqualTo("certificate");
    }

    @DbTest
    void theConnectionTestAsksPayPalForAToken(Database db) {
        f = new PayPalFixture(db);
        PayPalSettings schema = new PayPalSettings(f.context);
        Map<String, String> candidate = new HashMap<>(f.settings);

        ConnectionTestResult accepted = schema.testConnection(of(candidate));
        assertThat(accepted.succeeded()).as(accepted.message()).isTrue();

        candidate.put(PayPalSettings.CLIENT_SECRET, "EWrongSecret");
        ConnectionTestResult refused = schema.testConnection(of(candidate));
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.message()).contains("refused", "Client Authentication failed").doesNotContain("EWrongSecret");

        f.paypal.stubFor(post(urlEqualTo("/v1/oauth2/token")).willReturn(aResponse().withStatus(503)));
        candidate.put(PayPalSettings.CLIENT_SECRET, PayPalFixture.SECRET);
        ConnectionTestResult down = schema.testConnection(of(candidate));
        assertThat(down.succeeded()).isFalse();
        assertThat(down.message()).contains("did not answer");
    }

    @DbTest
    void settingsThatCannotWorkAreNamedWithoutAskingPayPal(Database db) {
        f = new PayPalFixture(db);
        PayPalSettings schema = new PayPalSettings(f.context);

        ConnectionTestResult missing = schema.testConnection(of(Map.of(PayPalSettings.WEBHOOK_ID, "not-a-webhook-id!")));
        assertThat(missing.succeeded()).isFalse();
        assertThat(missing.message()).contains("client id is missing", "secret is missing", "webhook id");
        ConnectionTestResult plain = schema.testConnection(of(Map.of(PayPalSettings.CLIENT_ID, "id",
                PayPalSettings.CLIENT_SECRET, "secret", PayPalSettings.BASE_URL, "http://api-m.paypal.com")));
        assertThat(plain.message()).contains("over https");
        assertThat(PayPalSettings.problems(of(f.settings))).isEmpty();
        f.paypal.verify(0, postRequestedFor(urlEqualTo("/v1/oauth2/token")));
    }
}
