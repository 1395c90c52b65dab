package org.kontor.plugins.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The settings form, its checks and its connection test against Stripe's recorded answers. */
@DatabaseTest(plugins = StripeFixture.PLUGIN_ID)
class StripeSettingsTest {

    @DbTest
    void theFormAsksForTheKeysAsSecretsAndDefaultsToStripesAddress(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            Map<String, SettingField> fields = new HashMap<>();
            new StripeSettings(f.context).fields().forEach(field -> fields.put(field.key(), field));

            assertThat(fields).containsOnlyKeys("secret-key", "webhook-secret", "base-url", "payment-method-types",
                    "currencies", "return-url", "timeout-seconds");
            assertThat(fields.get("secret-key").isSecret()).isTrue();
            assertThat(fields.get("secret-key").required()).isTrue();
            assertThat(fields.get("webhook-secret").isSecret()).isTrue();
            assertThat(fields.get("webhook-secret").help()).contains("/hooks/payment-stripe", "2024-06-20");
            assertThat(fields.get("base-url").defaultValue()).isEqualTo("https://api.stripe.com");
            assertThat(fields.get("base-url").validate("ftp://api.stripe.com")).isPresent();
            assertThat(fields.get("timeout-seconds").validate("soon")).isPresent();
            assertThat(StripeConfig.of(key -> Optional.empty()).baseUrl()).hasToString("https://api.stripe.com");
        }
    }

    @DbTest
    void theConnectionTestAcceptsAWorkingKeyAndNamesWhatIsWrong(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            StripeSettings schema = new StripeSettings(f.context);
            Map<String, String> values = new HashMap<>(f.settings);

            ConnectionTestResult working = schema.testConnection(settings(values));
            values.put(StripeSettings.SECRET_KEY, "sk_test_51KontorRevokedKey0000000000");
            ConnectionTestResult revoked = schema.testConnection(settings(values));
            values.put(StripeSettings.SECRET_KEY, "pk_test_publishable");
            values.put(StripeSettings.WEBHOOK_SECRET, "secret");
            values.put(StripeSettings.CURRENCIES, "DKK,EUX");
            values.put(StripeSettings.METHOD_TYPES, "card,sepa-debit");
            ConnectionTestResult wrong = schema.testConnection(settings(values));

            assertThat(working.succeeded()).as(working.message()).isTrue();
            assertThat(working.message()).contains("test mode");
            assertThat(revoked.succeeded()).isFalse();
            assertThat(revoked.message()).contains("Invalid API Key").doesNotContain("RevokedKey");
            assertThat(wrong.succeeded()).isFalse();
            assertThat(wrong.message()).contains("sk_live_", "whsec_", "'EUX'", "'sepa-debit'");
        }
    }

    @DbTest
    void anUnreachableStripeFailsTheConnectionTest(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            f.providerDown();

            ConnectionTestResult down = new StripeSettings(f.context).testConnection(settings(f.settings));

            assertThat(down.succeeded()).isFalse();
            assertThat(down.message()).contains("could not be reached");
        }
    }

    @DbTest
    void theMethodTypesNameTheMethodsOffered(Database database) {
        try (StripeFixture f = new StripeFixture(database)) {
            assertThat(f.gateway().methods()).as("the Dashboard decides")
                    .containsExactlyInAnyOrder(PaymentMethodType.CARD, PaymentMethodType.OTHER);
            f.settings.put(StripeSettings.METHOD_TYPES, "card, sepa_debit,paypal klarna");
            assertThat(f.gateway().methods()).containsExactlyInAnyOrder(PaymentMethodType.CARD,
                    PaymentMethodType.SEPA_DIRECT_DEBIT, PaymentMethodType.PAYPAL, PaymentMethodType.OTHER);
            assertThat(f.gateway().gatewayId()).isEqualTo("stripe");
        }
    }

    private static Settings settings(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key));
    }
}
