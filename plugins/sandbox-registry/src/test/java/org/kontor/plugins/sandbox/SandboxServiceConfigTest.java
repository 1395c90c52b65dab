package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kontor.api.money.Money;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.SettingType;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.sandbox.service.ServiceConfig;
import org.kontor.plugins.sandbox.service.SandboxSettingsSchema;
import org.kontor.plugins.sandbox.settings.SandboxSettings;

/** The sandbox's settings form and how the service reads and checks it. */
class SandboxServiceConfigTest {

    private final SandboxSettingsSchema schema = new SandboxSettingsSchema();

    private static Settings settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    private static Map<String, String> withPassword() {
        Map<String, String> values = new HashMap<>();
        values.put(SandboxSettingsSchema.REGISTRAR_PASSWORD, "Config-Secret-2");
        return values;
    }

    @Test
    void theFormDeclaresTheDocumentedDefaultsAndAPasswordWithoutOne() {
        assertThat(schema.fields()).extracting(SettingField::key, SettingField::type, SettingField::defaultValue)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("port", SettingType.INTEGER, "7700"),
                        org.assertj.core.groups.Tuple.tuple("tlds", SettingType.TEXT, "dk,test,example"),
                        org.assertj.core.groups.Tuple.tuple("registrar.id", SettingType.TEXT, "demo"),
                        org.assertj.core.groups.Tuple.tuple("registrar.password", SettingType.SECRET, null),
                        org.assertj.core.groups.Tuple.tuple("registrar.opening-balance", SettingType.DECIMAL, "100000"),
                        org.assertj.core.groups.Tuple.tuple("registrar.currency", SettingType.TEXT, "DKK"),
                        org.assertj.core.groups.Tuple.tuple("create-price", SettingType.DECIMAL, "50.00"));
        assertThat(schema.fields()).extracting(SettingField::key)
                .contains("idle-timeout-seconds", "max-sessions").doesNotHaveDuplicates();
        // every default passes the host's own check of its type
        assertThat(schema.fields()).allSatisfy(f -> assertThat(f.validate(f.defaultValue())).isEmpty());
    }

    @Test
    void missingValuesTakeTheDefaults() {
        ServiceConfig config = ServiceConfig.read(settings(withPassword()));
        assertThat(config.port()).isEqualTo(7700);
        assertThat(config.tlds()).containsExactly("dk", "test", "example");
        assertThat(config.registrarId()).isEqualTo("demo");
        assertThat(config.openingBalance()).isEqualTo(Money.of("100000.00", "DKK"));
        assertThat(config.createPrice()).isEqualTo(Money.of("50.00", "DKK"));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.maxSessions()).isEqualTo(3);

        SandboxSettings sandbox = config.sandboxSettings();
        assertThat(sandbox.registrar("demo")).hasValueSatisfying(r -> {
            assertThat(r.password()).isEqualTo("Config-Secret-2");
            assertThat(r.openingBalance()).isEqualTo(Money.of("100000", "DKK"));
        });
        assertThat(sandbox.createPrices()).containsOnlyKeys("dk", "test", "example")
                .containsValue(Money.of("50", "DKK"));
        assertThat(sandbox.idleTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(sandbox.maxSessionsPerRegistrar()).isEqualTo(3);
    }

    @Test
    void valuesAreTidiedAndTheCurrencyAppliesToEveryAmount() {
        Map<String, String> values = withPassword();
        values.put(SandboxSettingsSchema.TLDS, " .DK, test ,,dk ");
        values.put(SandboxSettingsSchema.CURRENCY, "eur");
        values.put(SandboxSettingsSchema.CREATE_PRICE, "9.5");
        values.put(SandboxSettingsSchema.PORT, "0");
        ServiceConfig config = ServiceConfig.read(settings(values));
        assertThat(config.tlds()).containsExactly("dk", "test");
        assertThat(config.createPrice()).isEqualTo(Money.of("9.50", "EUR"));
        assertThat(config.openingBalance().currencyCode()).isEqualTo("EUR");
        assertThat(config.port()).isZero();
    }

    @Test
    void refusedValuesNameTheirSetting() {
        assertRefused(SandboxSettingsSchema.PORT, "65536");
        assertRefused(SandboxSettingsSchema.PORT, "-1");
        assertRefused(SandboxSettingsSchema.PORT, "http");
        assertRefused(SandboxSettingsSchema.TLDS, " , ");
        assertRefused(SandboxSettingsSchema.TLDS, "dk,co.uk");
        assertRefused(SandboxSettingsSchema.REGISTRAR_ID, "ab");
        assertRefused(SandboxSettingsSchema.REGISTRAR_ID, "has space");
        assertRefused(SandboxSettingsSchema.CURRENCY, "XYZW");
        assertRefused(SandboxSettingsSchema.OPENING_BALANCE, "-1");
        assertRefused(SandboxSettingsSchema.OPENING_BALANCE, "1.234");
        assertRefused(SandboxSettingsSchema.CREATE_PRICE, "0");
        assertRefused(SandboxSettingsSchema.IDLE_TIMEOUT_SECONDS, "0");
        assertRefused(SandboxSettingsSchema.MAX_SESSIONS, "0");
    }

    @Test
    void anEmptyPasswordIsReportedAndNeverShown() {
        ServiceConfig without = ServiceConfig.read(settings(Map.of()));
        assertThat(without.passwordMissing()).isTrue();
        assertThatThrownBy(without::sandboxSettings).hasMessageContaining(SandboxSettingsSchema.REGISTRAR_PASSWORD);
        assertThat(schema.testConnection(settings(Map.of())).succeeded()).isFalse();
        assertThat(schema.testConnection(settings(Map.of())).message())
                .contains(SandboxSettingsSchema.REGISTRAR_PASSWORD);

        ServiceConfig with = ServiceConfig.read(settings(withPassword()));
        assertThat(with.passwordMissing()).isFalse();
        assertThat(with.toString()).doesNotContain("Config-Secret-2").contains("(set)");
        assertThat(schema.testConnection(settings(withPassword())).succeeded()).isTrue();
    }

    private void assertRefused(String key, String value) {
        Map<String, String> values = withPassword();
        values.put(key, value);
        assertThatThrownBy(() -> ServiceConfig.read(settings(values)))
                .as("%s = %s", key, value)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'");
        assertThat(schema.testConnection(settings(values)).succeeded()).as("%s = %s", key, value).isFalse();
    }
}
