package org.kontor.plugins.parking.nameservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.parking.ParkingProvider;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.testkit.TestPluginContext;

/** The presets: their published nameservers, the operator's overrides, and a disabled preset not offered. */
class PresetParkingTest {

    private static TestPluginContext context(Map<String, String> settings) {
        return TestPluginContext.of("parking-nameservers", Clock.systemUTC()).withSettings(settings);
    }

    private static List<String> hosts(ParkingProvider provider) {
        return provider.nameservers().stream().map(Nameserver::host).map(DomainName::ascii).toList();
    }

    @Test
    void eachPresetHasItsIdNameAndPublishedNameservers() {
        TestPluginContext context = context(Map.of());
        List<ParkingProvider> presets = List.of(new NameDriveParking(context), new ParkingCrewParking(context),
                new BodisParking(context));

        assertThat(presets).extracting(ParkingProvider::providerId).containsExactly("namedrive", "parkingcrew", "bodis");
        assertThat(presets).extracting(ParkingProvider::displayName).containsExactly("NameDrive", "ParkingCrew", "Bodis");
        assertThat(hosts(presets.get(0))).containsExactly("ns1.namedrive.com", "ns2.namedrive.com");
        assertThat(hosts(presets.get(1))).containsExactly("ns1.parkingcrew.net", "ns2.parkingcrew.net");
        assertThat(hosts(presets.get(2))).containsExactly("ns1.bodis.com", "ns2.bodis.com");
    }

    @Test
    void parkingAndLeavingNeedNoCallAndAreProcessed() {
        ParkingProvider bodis = new BodisParking(context(Map.of()));
        DomainName domain = DomainName.of("parked.example");

        assertThat(bodis.park(IdempotencyKey.of("parking:1:provider"), domain).status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(bodis.unpark(IdempotencyKey.of("parking:2:provider"), domain).status())
                .isEqualTo(OutcomeStatus.PROCESSED);
    }

    @Test
    void theOperatorOverridesNameserversAndDisablesAPreset() {
        TestPluginContext context = context(Map.of("namedrive.nameservers", "park1.example.net, park2.example.net",
                "bodis.enabled", "false"));
        ParkingProvider namedrive = new NameDriveParking(context);
        ParkingProvider bodis = new BodisParking(context);

        assertThat(hosts(namedrive)).containsExactly("park1.example.net", "park2.example.net");
        assertThat(bodis.nameservers()).as("a disabled preset is not offered").isEmpty();
        assertThat(bodis.park(IdempotencyKey.of("parking:1:provider"), DomainName.of("a.example")).status())
                .isEqualTo(OutcomeStatus.ERROR);
        assertThat(bodis.unpark(IdempotencyKey.of("parking:2:provider"), DomainName.of("a.example")).status())
                .as("a domain parked before can still leave").isEqualTo(OutcomeStatus.PROCESSED);
    }

    @Test
    void theSettingsHaveAnEnabledFlagAndNameserversPerPresetAndCheckTheHostNames() {
        NameserverParkingSettings schema = new NameserverParkingSettings();

        assertThat(schema.fields()).extracting(field -> field.key()).containsExactly("namedrive.enabled",
                "namedrive.nameservers", "parkingcrew.enabled", "parkingcrew.nameservers", "bodis.enabled",
                "bodis.nameservers");
        assertThat(schema.fields().get(1).defaultValue()).isEqualTo("ns1.namedrive.com ns2.namedrive.com");
        assertThat(schema.testConnection(key -> Optional.empty()).succeeded()).isTrue();
        Map<String, String> wrong = Map.of("parkingcrew.nameservers", "ns1.parkingcrew.net", "bodis.nameservers",
                "ns1.bodis.com ns..bodis.com");
        ConnectionTestResult result = schema.testConnection(key -> Optional.ofNullable(wrong.get(key)));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("ParkingCrew needs 2 to 13", "'ns..bodis.com'");
        Map<String, String> disabled = Map.of("parkingcrew.enabled", "false", "parkingcrew.nameservers", "x");
        assertThat(schema.testConnection(key -> Optional.ofNullable(disabled.get(key))).succeeded()).isTrue();
    }
}
