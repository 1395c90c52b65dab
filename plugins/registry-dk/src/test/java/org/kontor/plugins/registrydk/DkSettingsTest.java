package org.kontor.plugins.registrydk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.Tld;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.epp.codec.EppNamespaces;
import org.kontor.plugins.epp.command.DomainCheck;
import org.kontor.plugins.epp.command.DomainCreate;
import org.kontor.plugins.epp.registry.EppRegistrySettings;

class DkSettingsTest {

    @Test
    void defaultsAreTheDkRegistryAndTheTimeLimitsComeFromTheForm() {
        Map<String, String> values = new HashMap<>(Map.of(DkSettings.CLIENT_ID, "REG-1234",
                DkSettings.PASSWORD, "Secret-Passw0rd", EppRegistrySettings.TIMEOUT_QUERY, "4",
                EppRegistrySettings.TIMEOUT_BILLABLE, "90"));

        DkSettings settings = DkSettings.from(settings(values));

        assertThat(settings.registryId()).isEqualTo("dk-hostmaster");
        assertThat(settings.host()).isEqualTo("epp.punktum.dk");
        assertThat(settings.port()).isEqualTo(700);
        assertThat(settings.tlds()).containsExactly(Tld.of("dk"));
        assertThat(settings.termsAcceptedAtOrder()).isFalse();
        assertThat(settings.timeouts().forCommand(new DomainCheck(java.util.List.of("a.dk"))))
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.timeouts().forCommand(new DomainCreate("a.dk", null, null, "H1-DK", java.util.List.of(), "")))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.endpoint().extensionUris()).contains(DkhmNamespaces.DKHM_4_5, DkhmNamespaces.DKHM_4_4,
                EppNamespaces.SEC_DNS, EppNamespaces.RGP);
        assertThat(settings.toString()).doesNotContain("Secret-Passw0rd");
    }

    @Test
    void theRegistrysPasswordRulesAreChecked() {
        assertThatThrownBy(() -> DkSettings.from(settings(Map.of(DkSettings.CLIENT_ID, "REG-1", DkSettings.PASSWORD,
                "short")))).hasMessageContaining("8 to 64");
    }

    @Test
    void theFormHasTheConnectionAndTimeLimitFields() {
        assertThat(new DkSettingsSchema(Clock.systemUTC()).fields()).extracting(SettingField::key)
                .contains(DkSettings.HOST, DkSettings.PORT, DkSettings.CLIENT_ID, DkSettings.PASSWORD,
                        DkSettings.CERTIFICATE, DkSettings.TLDS, EppRegistrySettings.TIMEOUT_LOGIN,
                        EppRegistrySettings.TIMEOUT_QUERY, EppRegistrySettings.TIMEOUT_TRANSFORM,
                        EppRegistrySettings.TIMEOUT_BILLABLE, DkSettings.TERMS_AT_ORDER);
        assertThat(new DkSettingsSchema(Clock.systemUTC()).testConnection(settings(Map.of())).succeeded()).isFalse();
    }

    private static Settings settings(Map<String, String> values) {
        return new Settings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }
        };
    }
}
