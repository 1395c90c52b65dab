package org.kontor.plugins.powerdns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.dns.DnsRecord;
import org.kontor.api.dns.Zone;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.settings.ConnectionTestResult;
import org.kontor.testkit.TestPluginContext;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;

/** The provider against a real PowerDNS Authoritative server, read back by DNS query and through its API. */
class PowerDnsProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final IdempotencyKey KEY = IdempotencyKey.of("zone-publish:1");

    @TempDir
    static Path folder;
    private static PowerDnsServer server;
    private static Dns dns;

    @BeforeAll
    static void startPowerDns() throws Exception {
        server = PowerDnsServer.start(folder);
        dns = new Dns(server.dnsPort());
    }

    @AfterAll
    static void stopPowerDns() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void createsAZoneWithItsSoaNsAndEveryRecordType() throws Exception {
        String longText = "k=rsa; p=" + "A".repeat(280) + " \"quoted\" \\ end";
        Zone zone = zone("create.example",
                record("@", "A", 300, null, "192.0.2.10"),
                record("www", "A", 600, null, "192.0.2.11"),
                record("www", "A", 300, null, "192.0.2.12"),
                record("@", "AAAA", 300, null, "2001:DB8:0:0:0:0:0:1"),
                record("@", "MX", 3600, 10, "mail"),
                record("@", "MX", 3600, 20, "mx.example.net."),
                record("@", "TXT", 300, null, "\"v=spf1 mx -all\""),
                record("long", "TXT", 300, null, longText),
                record("_sip._tcp", "SRV", 300, 10, "5 5060 sip"),
                record("@", "CAA", 300, null, "0 issue \"letsencrypt.org\""),
                record("shop", "CNAME", 300, null, "shops.example.net."));

        Outcome<Void> outcome = provider().publish(KEY, zone);

        assertThat(outcome.status()).as(String.valueOf(outcome)).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(outcome.reference()).isEqualTo("create.example.");
        // by DNS query
        SOARecord soa = (SOARecord) dns.ask("create.example.", "SOA").records().get(0);
        assertThat(soa.getHost().toString()).isEqualTo("ns1.kontor-test.net.");
        assertThat(soa.getAdmin().toString()).isEqualTo("hostmaster.kontor-test.net.");
        assertThat(soa.getSerial()).isPositive();
        assertThat(soa.getMinimum()).isEqualTo(3600);
        assertThat(dns.data("create.example.", "NS")).containsExactly("ns1.kontor-test.net.", "ns2.kontor-test.net.");
        assertThat(dns.data("create.example.", "A")).containsExactly("192.0.2.10");
        assertThat(dns.data("www.create.example.", "A")).containsExactly("192.0.2.11", "192.0.2.12");
        assertThat(dns.ask("www.create.example.", "A").records()).allSatisfy(a -> assertThat(a.getTTL()).isEqualTo(300));
        assertThat(dns.data("create.example.", "AAAA")).containsExactly("2001:db8:0:0:0:0:0:1");
        assertThat(dns.data("create.example.", "MX"))
                .containsExactly("10 mail.create.example.", "20 mx.example.net.");
        assertThat(dns.data("create.example.", "TXT")).containsExactly("\"v=spf1 mx -all\"");
        TXTRecord txt = (TXTRecord) dns.ask("long.create.example.", "TXT").records().get(0);
        List<byte[]> strings = txt.getStringsAsByteArrays();
        assertThat(strings).hasSize(2);
        assertThat(strings.get(0)).hasSize(255);
        assertThat(new String(strings.get(0), StandardCharsets.UTF_8) + new String(strings.get(1), StandardCharsets.UTF_8))
                .isEqualTo(longText);
        assertThat(dns.data("_sip._tcp.create.example.", "SRV")).containsExactly("10 5 5060 sip.create.example.");
        assertThat(dns.data("create.example.", "CAA")).containsExactly("0 issue \"letsencrypt.org\"");
        assertThat(dns.data("shop.create.example.", "CNAME")).containsExactly("shops.example.net.");
        // through the API
        JsonNode api = apiZone("create.example.");
        assertThat(api.path("kind").asText()).isEqualTo("Native");
        Map<String, List<String>> rrsets = rrsets(api);
        assertThat(rrsets.keySet()).containsExactlyInAnyOrder("create.example. SOA", "create.example. NS",
                "create.example. A", "www.create.example. A", "create.example. AAAA", "create.example. MX",
                "create.example. TXT", "long.create.example. TXT", "_sip._tcp.create.example. SRV",
                "create.example. CAA", "shop.create.example. CNAME");
        assertThat(rrsets.get("create.example. MX")).containsExactly("10 mail.create.example.", "20 mx.example.net.");
        assertThat(rrsets.get("create.example. AAAA")).containsExactly("2001:db8::1");
        assertThat(rrsets.get("long.create.example. TXT")).hasSize(1);
        assertThat(rrsets.get("long.create.example. TXT").get(0)).startsWith("\"k=rsa; p=AAA").contains("\" \"")
                .endsWith("\\\"quoted\\\" \\\\ end\"");
    }

    @Test
    void replacesChangedRecordSetsAndDeletesThoseNoLongerPublished() throws Exception {
        provider().publish(KEY, zone("change.example",
                record("www", "A", 300, null, "192.0.2.1"),
                record("@", "TXT", 300, null, "\"old\""),
                record("@", "MX", 300, 10, "mail")));
        long before = serial("change.example.");

        Outcome<Void> outcome = provider().publish(IdempotencyKey.of("zone-publish:2"), zone("change.example",
                record("www", "A", 300, null, "192.0.2.2"),
                record("@", "MX", 300, 10, "mail"),
                record("@", "AAAA", 300, null, "2001:db8::2")));

        assertThat(outcome.status()).as(String.valueOf(outcome)).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(dns.data("www.change.example.", "A")).containsExactly("192.0.2.2");
        Dns.Answer txt = dns.ask("change.example.", "TXT");
        assertThat(txt.rcode()).isEqualTo("NOERROR");
        assertThat(txt.records()).isEmpty();
        assertThat(dns.data("change.example.", "AAAA")).containsExactly("2001:db8:0:0:0:0:0:2");
        assertThat(dns.data("change.example.", "MX")).containsExactly("10 mail.change.example.");
        Map<String, List<String>> rrsets = rrsets(apiZone("change.example."));
        assertThat(rrsets).doesNotContainKey("change.example. TXT");
        assertThat(rrsets.get("www.change.example. A")).containsExactly("192.0.2.2");
        assertThat(serial("change.example.")).isGreaterThan(before);
        assertThat(((SOARecord) dns.ask("change.example.", "SOA").records().get(0)).getSerial())
                .isEqualTo(serial("change.example."));
    }

    @Test
    void publishingTheSameZoneAgainChangesNothing() throws Exception {
        Zone zone = zone("again.example",
                record("@", "A", 300, null, "192.0.2.5"),
                record("@", "AAAA", 300, null, "2001:DB8:0:0::5"),
                record("Mail", "A", 300, null, "192.0.2.6"),
                record("@", "MX", 300, 10, "Mail"),
                record("@", "TXT", 300, null, "plain text without quotes"),
                record("_xmpp._tcp", "SRV", 300, 5, "0 5222 xmpp.example.net."),
                record("@", "CAA", 300, null, "0 ISSUE letsencrypt.org"));
        assertThat(provider().publish(KEY, zone).status()).isEqualTo(OutcomeStatus.PROCESSED);
        JsonNode first = apiZone("again.example.");

        Outcome<Void> again = provider().publish(KEY, zone);

        assertThat(again.status()).isEqualTo(OutcomeStatus.PROCESSED);
        JsonNode second = apiZone("again.example.");
        assertThat(second.path("serial").asLong()).isEqualTo(first.path("serial").asLong());
        assertThat(rrsets(second)).isEqualTo(rrsets(first));
        assertThat(dns.data("again.example.", "MX")).containsExactly("10 mail.again.example.");
        assertThat(dns.data("again.example.", "TXT")).containsExactly("\"plain text without quotes\"");
    }

    @Test
    void takesOverTheSoaAndNameserversWhenTheSettingsChange() throws Exception {
        provider().publish(KEY, zone("settings.example", record("@", "A", 300, null, "192.0.2.7")));
        long before = serial("settings.example.");
        Map<String, String> changed = new HashMap<>(settings());
        changed.put(PowerDnsSettings.NAMESERVERS, "ns3.kontor-test.net, ns4.kontor-test.net ns5.kontor-test.net");
        changed.put(PowerDnsSettings.SOA_CONTACT, "dns.admin@kontor-test.net");

        Outcome<Void> outcome = provider(changed).publish(KEY,
                zone("settings.example", record("@", "A", 300, null, "192.0.2.7")));

        assertThat(outcome.status()).as(String.valueOf(outcome)).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(dns.data("settings.example.", "NS"))
                .containsExactly("ns3.kontor-test.net.", "ns4.kontor-test.net.", "ns5.kontor-test.net.");
        SOARecord soa = (SOARecord) dns.ask("settings.example.", "SOA").records().get(0);
        assertThat(soa.getHost().toString()).isEqualTo("ns3.kontor-test.net.");
        assertThat(soa.getAdmin().toString()).isEqualTo("dns\\.admin.kontor-test.net.");
        assertThat(soa.getSerial()).isGreaterThan(before);
        assertThat(dns.data("settings.example.", "A")).containsExactly("192.0.2.7");
    }

    @Test
    void removesAZoneAndTakesAnAbsentZoneAsRemoved() throws Exception {
        provider().publish(KEY, zone("remove.example", record("@", "A", 300, null, "192.0.2.8")));
        assertThat(dns.data("remove.example.", "A")).containsExactly("192.0.2.8");

        Outcome<Void> removed = provider().remove(KEY, DomainName.of("remove.example"));

        assertThat(removed.status()).as(String.valueOf(removed)).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(apiStatus("remove.example.")).isEqualTo(404);
        assertThat(dns.ask("remove.example.", "A").rcode()).isEqualTo("REFUSED");
        assertThat(provider().remove(KEY, DomainName.of("remove.example")).status())
                .isEqualTo(OutcomeStatus.PROCESSED);
    }

    @Test
    void publishesAnInternationalisedOriginInAceForm() throws Exception {
        DomainName origin = DomainName.of("bøfsandwich.example");
        Outcome<Void> outcome = provider().publish(KEY, new Zone(origin, List.of(
                record("@", "A", 300, null, "192.0.2.20"),
                record("café", "A", 300, null, "192.0.2.21"),
                record("www", "CNAME", 300, null, "@"))));

        assertThat(outcome.status()).as(String.valueOf(outcome)).isEqualTo(OutcomeStatus.PROCESSED);
        String ace = origin.ascii() + ".";
        assertThat(ace).startsWith("xn--");
        assertThat(outcome.reference()).isEqualTo(ace);
        assertThat(dns.data(ace, "A")).containsExactly("192.0.2.20");
        assertThat(dns.data("xn--caf-dma." + ace, "A")).containsExactly("192.0.2.21");
        assertThat(dns.data("www." + ace, "CNAME")).containsExactly(ace);
        assertThat(rrsets(apiZone(ace)).keySet()).contains(ace + " A", "xn--caf-dma." + ace + " A");
        assertThat(provider().remove(KEY, origin).status()).isEqualTo(OutcomeStatus.PROCESSED);
        assertThat(apiStatus(ace)).isEqualTo(404);
    }

    @Test
    void aZonePowerDnsRefusesIsAnErrorWithItsMessage() throws Exception {
        Outcome<Void> outcome = provider().publish(KEY, zone("refused.example",
                record("www", "A", 300, null, "192.0.2.30"),
                record("www", "CNAME", 300, null, "other.example.net.")));

        assertThat(outcome.status()).as(String.valueOf(outcome)).isEqualTo(OutcomeStatus.ERROR);
        assertThat(outcome.code()).isEqualTo("422");
        assertThat(outcome.message()).contains("www.refused.example.").containsIgnoringCase("CNAME");
    }

    @Test
    void aRecordThePluginCannotExpressIsRefusedBeforeAnythingIsSent() throws Exception {
        Outcome<Void> outcome = provider().publish(KEY, zone("invalid.example",
                record("www", "A", 300, null, "not-an-address")));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(outcome.code()).isEqualTo("invalid-record");
        assertThat(apiStatus("invalid.example.")).isEqualTo(404);
    }

    @Test
    void aWrongApiKeyIsAnErrorAndFailsTheConnectionTest() throws Exception {
        Map<String, String> wrong = new HashMap<>(settings());
        wrong.put(PowerDnsSettings.API_KEY, "not-the-key");

        Outcome<Void> published = provider(wrong).publish(KEY, zone("key.example", record("@", "A", 300, null, "192.0.2.9")));
        Outcome<Void> removed = provider(wrong).remove(KEY, DomainName.of("key.example"));
        ConnectionTestResult test = settingsSchema().testConnection(key -> java.util.Optional.ofNullable(wrong.get(key)));

        assertThat(published.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(published.code()).isEqualTo("401");
        assertThat(published.message()).isEqualTo("Unauthorized");
        assertThat(removed.status()).isEqualTo(OutcomeStatus.ERROR);
        assertThat(test.succeeded()).isFalse();
        assertThat(test.message()).contains("401").contains("Unauthorized").doesNotContain("not-the-key");
        assertThat(apiStatus("key.example.")).isEqualTo(404);
    }

    @Test
    void theConnectionTestNamesTheServer() {
        Map<String, String> values = settings();
        ConnectionTestResult test = settingsSchema().testConnection(key -> java.util.Optional.ofNullable(values.get(key)));

        assertThat(test.succeeded()).as(test.message()).isTrue();
        assertThat(test.message()).contains("PowerDNS 4.").contains("authoritative").contains("'localhost'");

        Map<String, String> otherServer = new HashMap<>(values);
        otherServer.put(PowerDnsSettings.SERVER_ID, "no-such-server");
        ConnectionTestResult unknown = settingsSchema()
                .testConnection(key -> java.util.Optional.ofNullable(otherServer.get(key)));
        assertThat(unknown.succeeded()).isFalse();
        assertThat(unknown.message()).contains("404");
    }

    @Test
    void noPowerDnsListeningIsUndefined() throws Exception {
        Map<String, String> down = new HashMap<>(settings());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        down.put(PowerDnsSettings.API_URL, "http://127.0.0.1:" + closedPort);

        Outcome<Void> published = provider(down).publish(KEY, zone("down.example", record("@", "A", 300, null, "192.0.2.9")));
        Outcome<Void> removed = provider(down).remove(KEY, DomainName.of("down.example"));
        ConnectionTestResult test = settingsSchema().testConnection(key -> java.util.Optional.ofNullable(down.get(key)));

        assertThat(published.status()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(removed.status()).isEqualTo(OutcomeStatus.UNDEFINED);
        assertThat(test.succeeded()).isFalse();
        assertThat(test.message()).contains("could not be reached");
    }

    @Test
    void powerDnsNotAnsweringInTimeIsUndefined() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // reads nothing, answers nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            Map<String, String> slow = new HashMap<>(settings());
            slow.put(PowerDnsSettings.API_URL, "http://127.0.0.1:" + silent.getLocalPort());
            slow.put(PowerDnsSettings.TIMEOUT_SECONDS, "1");
            long started = System.nanoTime();

            Outcome<Void> published = provider(slow).publish(KEY, zone("slow.example", record("@", "A", 300, null, "192.0.2.9")));

            assertThat(published.status()).isEqualTo(OutcomeStatus.UNDEFINED);
            assertThat(published.message()).contains("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            silent.close();
            acceptor.join();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void unusableSettingsCancelTheCallAndOfferNoNameservers() {
        Map<String, String> oneNameserver = new HashMap<>(settings());
        oneNameserver.put(PowerDnsSettings.NAMESERVERS, "ns1.kontor-test.net");

        Outcome<Void> outcome = provider(oneNameserver).publish(KEY, zone("cancel.example", record("@", "A", 300, null, "192.0.2.9")));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.CANCELED);
        assertThat(outcome.message()).contains("at least two nameservers");
        assertThat(provider(oneNameserver).nameservers()).isEmpty();
        assertThat(provider().nameservers()).containsExactly(Nameserver.of("ns1.kontor-test.net"),
                Nameserver.of("ns2.kontor-test.net"));
        assertThat(provider().providerId()).isEqualTo("powerdns");
    }

    private static Map<String, String> settings() {
        return Map.of(PowerDnsSettings.API_URL, server.apiUrl() + "/",
                PowerDnsSettings.API_KEY, server.apiKey(),
                PowerDnsSettings.NAMESERVERS, "ns1.kontor-test.net, ns2.kontor-test.net",
                PowerDnsSettings.SOA_CONTACT, "hostmaster@kontor-test.net");
    }

    private static PowerDnsProvider provider() {
        return provider(settings());
    }

    private static PowerDnsProvider provider(Map<String, String> values) {
        return new PowerDnsProvider(context(values));
    }

    private static PowerDnsSettings settingsSchema() {
        return new PowerDnsSettings(context(settings()));
    }

    private static TestPluginContext context(Map<String, String> values) {
        return TestPluginContext.of("dns-powerdns", Clock.systemUTC()).withSettings(values)
                .withHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    private static Zone zone(String origin, DnsRecord... records) {
        return new Zone(DomainName.of(origin), Arrays.asList(records));
    }

    private static DnsRecord record(String name, String type, int ttl, Integer priority, String data) {
        return new DnsRecord(name, type, ttl, priority, data);
    }

    private static JsonNode apiZone(String origin) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(zoneRequest(origin), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            return JSON.readTree(body);
        }
    }

    private static int apiStatus(String origin) throws Exception {
        return HTTP.send(zoneRequest(origin), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest zoneRequest(String origin) {
        return HttpRequest.newBuilder(URI.create(server.apiUrl() + "/api/v1/servers/localhost/zones/" + origin))
                .header("X-API-Key", server.apiKey()).build();
    }

    private static long serial(String origin) throws Exception {
        return apiZone(origin).path("serial").asLong();
    }

    /** "name TYPE" to the sorted contents. */
    private static Map<String, List<String>> rrsets(JsonNode zone) {
        Map<String, List<String>> sets = new TreeMap<>();
        for (JsonNode rrset : zone.path("rrsets")) {
            List<String> contents = new ArrayList<>();
            rrset.path("records").forEach(record -> contents.add(record.path("content").asText()));
            contents.sort(null);
            sets.put(rrset.path("name").asText() + " " + rrset.path("type").asText(), contents);
        }
        return sets;
    }
}
