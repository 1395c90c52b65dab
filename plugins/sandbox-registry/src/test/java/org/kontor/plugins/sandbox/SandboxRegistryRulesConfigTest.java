package org.kontor.plugins.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.kontor.api.settings.Settings;
import org.kontor.plugins.sandbox.service.SandboxSettingsSchema;
import org.kontor.plugins.sandbox.service.ServiceConfig;
import org.kontor.plugins.sandbox.settings.RegistryRules;
import org.junit.jupiter.api.Test;

/** The transfer, .dk decision and credit settings: defaults, values and refusals. */
class SandboxRegistryRulesConfigTest {

    private static Settings settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void theDefaultsAreFiveDaysAMinuteAndNoCreditWithTheDkProfileOn() {
        RegistryRules rules = ServiceConfig.read(settings(Map.of())).rules();
        assertThat(rules.transferAutoApprove()).isEqualTo(Duration.ofDays(5));
        assertThat(rules.dkDecisionDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(rules.creditLimit()).isEqualByComparingTo("0");
        assertThat(rules.creditThreshold()).isEqualByComparingTo("0");
        assertThat(rules.dkTlds()).containsExactly("dk");
        assertThat(rules.strictReferences()).isTrue();
        assertThat(new SandboxSettingsSchema().fields()).extracting(f -> f.key()).contains(
                SandboxSettingsSchema.TRANSFER_AUTO_APPROVE_DAYS, SandboxSettingsSchema.DK_DECISION_DELAY_SECONDS,
                SandboxSettingsSchema.CREDIT_LIMIT, SandboxSettingsSchema.CREDIT_THRESHOLD);
    }

    @Test
    void configuredValuesReachTheServersSettings() {
        ServiceConfig config = ServiceConfig.read(settings(Map.of(
                SandboxSettingsSchema.REGISTRAR_PASSWORD, "Secret-123",
                SandboxSettingsSchema.TRANSFER_AUTO_APPROVE_DAYS, "2",
                SandboxSettingsSchema.DK_DECISION_DELAY_SECONDS, "0",
                SandboxSettingsSchema.CREDIT_LIMIT, "500.00",
                SandboxSettingsSchema.CREDIT_THRESHOLD, "100")));
        RegistryRules rules = config.sandboxSettings().rules();
        assertThat(rules.transferAutoApprove()).isEqualTo(Duration.ofDays(2));
        assertThat(rules.dkDecisionDelay()).isZero();
        assertThat(rules.creditLimit()).isEqualByComparingTo(new BigDecimal("500.00"));
        assertThat(rules.creditThreshold()).isEqualByComparingTo(new BigDecimal("100"));
    }

    @Test
    void negativeOrOutOfRangeValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ServiceConfig.read(settings(Map.of(SandboxSettingsSchema.CREDIT_LIMIT, "-1"))))
                .hasMessageContaining(SandboxSettingsSchema.CREDIT_LIMIT);
        assertThatThrownBy(() -> ServiceConfig.read(settings(Map.of(
                SandboxSettingsSchema.TRANSFER_AUTO_APPROVE_DAYS, "99"))))
                .hasMessageContaining(SandboxSettingsSchema.TRANSFER_AUTO_APPROVE_DAYS);
        assertThatThrownBy(() -> ServiceConfig.read(settings(Map.of(
                SandboxSettingsSchema.DK_DECISION_DELAY_SECONDS, "soon"))))
                .hasMessageContaining(SandboxSettingsSchema.DK_DECISION_DELAY_SECONDS);
    }
}
