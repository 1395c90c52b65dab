package org.kontor.plugins.riskbasic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;

/** The settings form: its defaults are the ones the checks fall back on, and unusable values are named. */
class RiskBasicSettingsTest {

    private static final List<SettingField> FIELDS = new RiskBasicSettings().fields();

    private static Settings of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void theFormsDefaultsAreTheChecksOwn() {
        Map<String, String> defaults = new HashMap<>();
        FIELDS.stream().filter(field -> field.defaultValue() != null)
                .forEach(field -> defaults.put(field.key(), field.defaultValue()));
        RiskBasicConfig saved = new RiskBasicConfig(of(defaults));
        RiskBasicConfig nothing = new RiskBasicConfig(of(Map.of()));

        for (VelocityKey.Type type : VelocityKey.Type.values()) {
            assertThat(saved.limit(type)).as(type.name()).isEqualTo(nothing.limit(type));
        }
        assertThat(saved.window()).isEqualTo(nothing.window()).hasMinutes(60);
        assertThat(saved.keep()).isEqualTo(nothing.keep());
        assertThat(saved.geoIpPoints()).isEqualTo(nothing.geoIpPoints());
        assertThat(saved.disposablePoints()).isEqualTo(nothing.disposablePoints());
        assertThat(saved.firstOrderPoints()).isEqualTo(nothing.firstOrderPoints());
        assertThat(saved.firstOrderGateways()).isEqualTo(nothing.firstOrderGateways()).containsExactly("stripe");
        assertThat(saved.firstOrderGatewayPoints()).isEqualTo(nothing.firstOrderGatewayPoints()).isZero();
        assertThat(saved.velocityEnabled()).isEqualTo(nothing.velocityEnabled()).isTrue();
        assertThat(saved.disposableEnabled()).isEqualTo(nothing.disposableEnabled()).isTrue();
        assertThat(saved.geoIpDatabase()).isEmpty();
    }

    @Test
    void noDefaultReachesTheHostsDefaultThresholdOnItsOwn() {
        RiskBasicConfig defaults = new RiskBasicConfig(of(Map.of()));
        int velocity = 0;
        for (VelocityKey.Type type : VelocityKey.Type.values()) {
            assertThat(defaults.limit(type).points()).as(type.name()).isLessThan(100);
            velocity += type == VelocityKey.Type.CARD ? 0 : defaults.limit(type).points();
        }
        // a busy reseller ordering from its own server: address, e-mail and account over their limits, under 100
        assertThat(velocity).isLessThan(100);
        // two clear signals together reach it: a disposable address or another country, and the address's velocity
        assertThat(defaults.disposablePoints() + defaults.limit(VelocityKey.Type.IP).points()).isGreaterThanOrEqualTo(100);
        assertThat(defaults.geoIpPoints() + defaults.disposablePoints()).isGreaterThanOrEqualTo(100);
        assertThat(defaults.disposablePoints()).isLessThan(100);
        assertThat(defaults.geoIpPoints()).isLessThan(100);
    }

    @Test
    void unusableValuesAreNamed() {
        assertThat(RiskBasicConfig.problems(of(Map.of(RiskBasicSettings.VELOCITY_IP_POINTS, "-5",
                RiskBasicSettings.FIRST_ORDER_LIMITS, "1000 DKK, 150", RiskBasicSettings.VELOCITY_WINDOW_MINUTES, "1h"))))
                .containsExactlyInAnyOrder("velocity.ip.points is a whole number of at least 0.",
                        "velocity.window-minutes is a whole number of at least 0.",
                        "'150' is not an amount with its currency, e.g. 1000 DKK.");
        assertThat(RiskBasicConfig.problems(of(Map.of(RiskBasicSettings.FIRST_ORDER_LIMITS, "1000 DKK, 150 EUR"))))
                .isEmpty();
        assertThat(FIELDS).extracting(SettingField::key).doesNotHaveDuplicates();
    }
}
