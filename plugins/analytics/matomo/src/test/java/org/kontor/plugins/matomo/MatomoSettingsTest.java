package org.kontor.plugins.matomo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.api.settings.SettingField;

/** The settings form and its connection test against the recorded Matomo answers. */
class MatomoSettingsTest {

    private final MatomoFixture fixture = new MatomoFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ConnectionTestResult test(Map<String, String> values) {
        Map<String, String> candidate = new HashMap<>(values);
        return new MatomoSettings(fixture.context()).testConnection(key -> java.util.Optional.ofNullable(candidate.get(key)));
    }

    @Test
    void theTokenIsASecretAndCookielessIsTheDefault() {
        Map<String, SettingField> fields = new HashMap<>();
        new MatomoSettings(fixture.context()).fields().forEach(field -> fields.put(field.key(), field));

        assertThat(fields.get(MatomoSettings.AUTH_TOKEN).isSecret()).isTrue();
        assertThat(fields.get(MatomoSettings.COOKIELESS).defaultValue()).isEqualTo("true");
        assertThat(fields.get(MatomoSettings.BASE_URL).required()).isTrue();
    }

    @Test
    void withATokenMatomoIsAskedForTheWebsite() {
        Map<String, String> values = new HashMap<>(fixture.settings);
        values.put(MatomoSettings.AUTH_TOKEN, MatomoFixture.TOKEN);

        ConnectionTestResult result = test(values);

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).contains("website 7");
    }

    @Test
    void aWrongTokenFails() {
        Map<String, String> values = new HashMap<>(fixture.settings);
        values.put(MatomoSettings.AUTH_TOKEN, "0000");

        ConnectionTestResult result = test(values);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("401");
    }

    @Test
    void withoutATokenTheTrackerScriptIsLoaded() {
        ConnectionTestResult result = test(fixture.settings);

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.message()).contains("tracker script");
    }

    @Test
    void anUnreachableMatomoFails() {
        Map<String, String> values = new HashMap<>(fixture.settings);
        values.put(MatomoSettings.BASE_URL, "http://127.0.0.1:1");

        assertThat(test(values).succeeded()).isFalse();
    }
}
