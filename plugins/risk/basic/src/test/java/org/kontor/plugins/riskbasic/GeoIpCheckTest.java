package org.kontor.plugins.riskbasic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.maxmind.geoip2.DatabaseReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.risk.RiskAssessment;
import org.kontor.api.risk.RiskReason;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;

/** The GeoIP check over a Country database the test writes itself, read by MaxMind's own reader. */
class GeoIpCheckTest {

    @TempDir
    Path folder;

    private Path database() throws Exception {
        Path file = folder.resolve("GeoLite2-Country.mmdb");
        new MmdbWriter("GeoLite2-Country")
                .country("203.0.113.0/24", "DE")
                .country("198.51.0.0/16", "SE")
                .country("198.51.100.0/24", "DK")
                .country("2001:db8::/32", "NL")
                .write(file);
        return file;
    }

    private GeoIpCheck check(Map<String, String> settings) {
        return new GeoIpCheck(TestPluginContext.of("risk-basic", TestClock.fixed()).withSettings(settings));
    }

    @Test
    void maxMindsReaderReadsTheWrittenDatabaseBack() throws Exception {
        try (DatabaseReader reader = new DatabaseReader.Builder(database().toFile()).build()) {
            assertThat(reader.getMetadata().getDatabaseType()).isEqualTo("GeoLite2-Country");
            assertThat(reader.country(InetAddress.getByName("203.0.113.9")).getCountry().getIsoCode()).isEqualTo("DE");
            // the more specific network wins over the one it lies in
            assertThat(reader.country(InetAddress.getByName("198.51.100.7")).getCountry().getIsoCode()).isEqualTo("DK");
            assertThat(reader.country(InetAddress.getByName("198.51.7.1")).getCountry().getIsoCode()).isEqualTo("SE");
            assertThat(reader.country(InetAddress.getByName("2001:db8::1")).getCountry().getIsoCode()).isEqualTo("NL");
            assertThat(reader.tryCountry(InetAddress.getByName("192.0.2.1"))).isEmpty();
        }
    }

    @Test
    void anAddressInAnotherCountryThanTheBillingCountryGivesPoints() throws Exception {
        GeoIpCheck check = check(Map.of(RiskBasicSettings.GEOIP_DATABASE, database().toString(),
                RiskBasicSettings.GEOIP_POINTS, "45"));

        RiskAssessment assessment = check.assess(Subjects.from("203.0.113.9", "DK"));

        assertThat(assessment.score()).isEqualTo(45);
        assertThat(assessment.reasons()).containsExactly(new RiskReason("geoip.country-mismatch", 45,
                "203.0.113.9 is in DE, the billing country is DK"));
        assertThat(check.assess(Subjects.from("2001:db8::42", "dk")).score()).isEqualTo(45);
    }

    @Test
    void anAddressInTheBillingCountryGivesNone() throws Exception {
        GeoIpCheck check = check(Map.of(RiskBasicSettings.GEOIP_DATABASE, database().toString()));

        assertThat(check.assess(Subjects.from("198.51.100.7", "DK"))).isEqualTo(RiskAssessment.none());
        assertThat(check.assess(Subjects.from("203.0.113.9", "de"))).isEqualTo(RiskAssessment.none());
    }

    @Test
    void privateUnknownOrMissingAddressesAndAccountsWithoutCountryGiveNone() throws Exception {
        GeoIpCheck check = check(Map.of(RiskBasicSettings.GEOIP_DATABASE, database().toString()));

        for (String address : new String[] {"10.1.2.3", "192.168.0.1", "127.0.0.1", "100.64.0.1", "::1", "fd00::1",
                "192.0.2.1", null, "not-an-address"}) {
            assertThat(check.assess(Subjects.from(address, "DK"))).as(String.valueOf(address))
                    .isEqualTo(RiskAssessment.none());
        }
        assertThat(check.assess(Subjects.from("203.0.113.9", null))).isEqualTo(RiskAssessment.none());
    }

    @Test
    void aCityDatabaseAnswersWithItsCountry() throws Exception {
        Path file = folder.resolve("GeoLite2-City.mmdb");
        new MmdbWriter("GeoLite2-City").country("203.0.113.0/24", "SE").write(file);

        assertThat(check(Map.of(RiskBasicSettings.GEOIP_DATABASE, file.toString()))
                .assess(Subjects.from("203.0.113.9", "DK")).reasons()).extracting(RiskReason::message)
                .containsExactly("203.0.113.9 is in SE, the billing country is DK");
    }

    @Test
    void withoutADatabaseFileTheCheckGivesNothing() {
        assertThat(check(Map.of()).assess(Subjects.from("203.0.113.9", "DK"))).isEqualTo(RiskAssessment.none());
    }

    @Test
    void aNamedFileThatIsMissingFailsTheCheckSoTheHostNotesIt() {
        GeoIpCheck check = check(Map.of(RiskBasicSettings.GEOIP_DATABASE, folder.resolve("gone.mmdb").toString()));

        assertThatThrownBy(() -> check.assess(Subjects.from("203.0.113.9", "DK"))).hasMessageContaining("gone.mmdb");
    }

    @Test
    void aReplacedDatabaseFileIsReadAgain() throws Exception {
        Path file = database();
        GeoIpCheck check = check(Map.of(RiskBasicSettings.GEOIP_DATABASE, file.toString()));
        assertThat(check.assess(Subjects.from("203.0.113.9", "DK")).score()).isEqualTo(40);

        new MmdbWriter("GeoLite2-Country").country("203.0.113.0/24", "DK").write(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(check.assess(Subjects.from("203.0.113.9", "DK"))).isEqualTo(RiskAssessment.none());
        check.close();
    }

    @Test
    void testingTheSettingsOpensTheDatabase() throws Exception {
        RiskBasicSettings settings = new RiskBasicSettings();
        Path file = database();
        assertThat(settings.testConnection(key -> java.util.Optional.ofNullable(
                Map.of(RiskBasicSettings.GEOIP_DATABASE, file.toString()).get(key))).message())
                .contains("GeoLite2-Country");
        Path notADatabase = Files.writeString(folder.resolve("plain.txt"), "no database");
        assertThat(settings.testConnection(key -> java.util.Optional.ofNullable(
                Map.of(RiskBasicSettings.GEOIP_DATABASE, notADatabase.toString()).get(key))).succeeded()).isFalse();
        assertThat(settings.testConnection(key -> java.util.Optional.ofNullable(
                Map.of(RiskBasicSettings.FIRST_ORDER_LIMITS, "lots").get(key))).message()).contains("'lots'");
    }
}
