package org.kontor.plugins.powerdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kontor.api.settings.SettingField;
import org.kontor.api.settings.Settings;
import org.kontor.testkit.TestPluginContext;

class PowerDnsConfigTest {

    @Test
    void readsTheSettingsWithTheirDefaults() {
        PowerDnsConfig config = PowerDnsConfig.of(settings(Map.of(
                PowerDnsSettings.API_URL, " http://127.0.0.1:8081/ ",
                PowerDnsSettings.API_KEY, "secret",
                PowerDnsSettings.NAMESERVERS, "NS1.Example.NET,ns2.example.net  ns1.example.net. nø.example.net")));

        assertThat(config.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(config.serverId()).isEqualTo("localhost");
        assertThat(config.nameservers())
                .containsExactly("ns1.example.net.", "ns2.example.net.", "xn--n-5ga.example.net.");
        assertThat(config.defaultTtl()).isEqualTo(3600);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.soaContactFor("example.dk.")).isEqualTo("hostmaster.example.dk.");
        assertThat(config.serverPath()).isEqualTo("/api/v1/servers/localhost");
        assertThat(config.zonePath("example.dk.")).isEqualTo("/api/v1/servers/localhost/zones/example.dk.");
        assertThat(config.toString()).doesNotContain("secret");
    }

    @Test
    void theSoaContactIsAMailboxName() {
        Map<String, String> values = new HashMap<>(valid());
        values.put(PowerDnsSettings.SOA_CONTACT, "dns.admin@Example.NET");
        assertThat(PowerDnsConfig.of(settings(values)).soaContactFor("example.dk."))
                .isEqualTo("dns\\.admin.example.net.");
    }

    @Test
    void namesEveryProblem() {
        List<String> problems = PowerDnsConfig.problems(settings(Map.of(
                PowerDnsSettings.API_URL, "ftp://example.net",
                PowerDnsSettings.NAMESERVERS, "ns1.example.net",
                PowerDnsSettings.DEFAULT_TTL, "30",
                PowerDnsSettings.TIMEOUT_SECONDS, "soon",
                PowerDnsSettings.SOA_CONTACT, "nobody")));

        assertThat(problems).containsExactly("The PowerDNS API is an http or https address.", "The API key is required.",
                "Give at least two nameservers.", "The TTL of SOA and NS is 60 to 604800 seconds.",
                "The time limit is a whole number of seconds, at least 1.", "The SOA contact is an e-mail address.");
        assertThatThrownBy(() -> PowerDnsConfig.of(settings(Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key");
        Map<String, String> badHost = new HashMap<>(valid());
        badHost.put(PowerDnsSettings.NAMESERVERS, "ns1.example.net ns_2.example.net");
        assertThat(PowerDnsConfig.problems(settings(badHost))).singleElement().asString().startsWith("Nameserver: ");
    }

    @Test
    void theSchemaKeepsTheKeySecretAndDefaultsWhatIsOptional() {
        List<SettingField> fields = new PowerDnsSettings(TestPluginContext.of("dns-powerdns", java.time.Clock.systemUTC()))
                .fields();

        assertThat(fields).extracting(SettingField::key).containsExactly("api-url", "api-key", "server-id",
                "nameservers", "default-ttl", "soa-contact", "timeout-seconds");
        assertThat(fields).filteredOn(SettingField::isSecret).extracting(SettingField::key).containsExactly("api-key");
        assertThat(fields).filteredOn(SettingField::required).extracting(SettingField::key)
                .containsExactly("api-url", "api-key", "nameservers");
        assertThat(fields).filteredOn(field -> field.defaultValue() != null)
                .allSatisfy(field -> assertThat(field.validate(field.defaultValue())).isEmpty());
    }

    private static Map<String, String> valid() {
        return Map.of(PowerDnsSettings.API_URL, "http://127.0.0.1:8081", PowerDnsSettings.API_KEY, "secret",
                PowerDnsSettings.NAMESERVERS, "ns1.example.net ns2.example.net");
    }

    private static Settings settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
