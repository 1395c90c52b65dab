package org.kontor.plugins.parking.sedo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;

/** The settings form keeps the credentials secret, defaults to Sedo's address and nameservers, and tests the keys. */
class SedoSettingsTest {

    private final SedoFixture f = new SedoFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theCredentialsAreSecretsAndTheAddressAndNameserversDefaultToSedos() {
        Map<String, SettingField> fields = new HashMap<>();
        new SedoSettings(f.context()).fields().forEach(field -> fields.put(field.key(), field));

        assertThat(fields).containsOnlyKeys("partner-id", "sign-key", "username", "password", "base-url", "nameservers",
                "timeout-seconds");
        assertThat(fields.get("sign-key").isSecret()).isTrue();
        assertThat(fields.get("username").isSecret()).isTrue();
        assertThat(fields.get("password").isSecret()).isTrue();
        assertThat(fields.get("base-url").defaultValue()).isEqualTo("https://api.sedo.com/api/v1/");
        assertThat(fields.get("nameservers").defaultValue()).isEqualTo("ns1.sedoparking.com ns2.sedoparking.com");
        SedoConfig none = SedoConfig.of(key -> Optional.empty());
        assertThat(none.baseUrl()).hasToString("https://api.sedo.com/api/v1/");
        assertThat(none.canPark()).isFalse();
        assertThat(SedoConfig.of(settings(f.settings)).toString()).doesNotContain(SedoFixture.SIGN_KEY,
                SedoFixture.PASSWORD, SedoFixture.USERNAME);
    }

    @Test
    void theConnectionTestSearchesOnceWithThePartnersKeys() {
        SedoSettings schema = new SedoSettings(f.context());
        Map<String, String> values = new HashMap<>(f.settings);

        ConnectionTestResult working = schema.testConnection(settings(values));
        values.put(SedoSettings.SIGN_KEY, "wrong-key");
        ConnectionTestResult refused = schema.testConnection(settings(values));
        values.remove(SedoSettings.SIGN_KEY);
        ConnectionTestResult missing = schema.testConnection(settings(values));

        assertThat(working.succeeded()).as(working.message()).isTrue();
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.message()).contains("E0102");
        assertThat(missing.succeeded()).isFalse();
        assertThat(missing.message()).contains("sign key");
    }

    private static Settings settings(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> Optional.ofNullable(copy.get(key));
    }
}
