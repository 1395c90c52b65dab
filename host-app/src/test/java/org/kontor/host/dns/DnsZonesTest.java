package org.kontor.host.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kontor.api.dns.DnsProvider;
import org.kontor.api.dns.Zone;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;
import org.xbill.DNS.Master;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Zones kept by the host and written as BIND master files (TEC-2, TEC-3): the operator's default records, changes
 * checked and published whole, the file read back by dnsjava's master file parser, a provider that refuses or is down
 * leaves the zone waiting for the publishing job, and nobody reaches a domain they do not hold.
 */
@DatabaseTest(migrateHost = true)
class DnsZonesTest {

    private final TestClock clock = TestClock.at(Instant.parse("2030-05-01T08:00:00Z"));

    @DbTest
    void aZoneStartsWithTheDefaultsAndIsWrittenAsAMasterFileThatParsesBack(Database database) throws Exception {
        Path folder = Files.createTempDirectory("kontor-zones");
        BindZoneFiles files = files(folder);
        DomainName domain = DomainName.of("zone-" + UUID.randomUUID().toString().substring(0, 8) + ".dk");
        DnsZones zones = zones(database, "karen", domain, Optional.of(files));

        ZoneInfo zone = zones.zone("karen", domain);
        assertThat(zone.records()).extracting(r -> r.record().name() + " " + r.record().type())
                .containsExactlyInAnyOrder("@ A", "www CNAME", "@ MX");
        assertThat(zone.state()).as(zone.lastError()).isEqualTo(ZoneState.PUBLISHED);

        zones.add("karen", domain, new RecordInput("@", "TXT", "", "", "v=spf1 mx -all"));
        zones.add("karen", domain, new RecordInput("_sip._tcp", "SRV", "600", "10", "5 5060 sip.example.net"));
        ZoneInfo changed = zones.add("karen", domain, new RecordInput("@", "AAAA", "", "", "2001:db8::10"));
        assertThat(changed.serial()).isGreaterThan(zone.serial());
        assertThat(changed.state()).isEqualTo(ZoneState.PUBLISHED);
        assertThat(changed.publishedSerial()).isEqualTo(changed.serial());

        Path file = folder.resolve(domain.ascii() + ".zone");
        List<Record> read = new ArrayList<>();
        try (Master master = new Master(file.toString())) {
            for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                read.add(record);
            }
        }
        assertThat(read).extracting(r -> Type.string(r.getType()))
                .containsExactlyInAnyOrder("SOA", "NS", "NS", "A", "CNAME", "MX", "TXT", "SRV", "AAAA");
        assertThat(read).filteredOn(r -> r.getType() == Type.TXT).singleElement()
                .extracting(Record::rdataToString).isEqualTo("\"v=spf1 mx -all\"");
        assertThat(read).filteredOn(r -> r.getType() == Type.SRV).singleElement()
                .satisfies(r -> assertThat(r.getName().toString()).isEqualTo("_sip._tcp." + domain.ascii() + "."))
                .satisfies(r -> assertThat(r.getTTL()).isEqualTo(600));
        assertThat(Files.readString(folder.resolve("zones.conf"))).contains("zone \"" + domain.ascii() + "\"");

        String srvId = changed.records().stream().filter(r -> r.record().type().equals("SRV")).findFirst().orElseThrow().id();
        assertThat(zones.remove("karen", domain, srvId)).isPresent();
        assertThat(Files.readString(file)).doesNotContain("_sip._tcp");
        assertThat(zones.remove("karen", domain, srvId)).as("gone already").isEmpty();
    }

    @DbTest
    void aRefusedRecordChangesNothingAndNobodyReachesAnotherCustomersZone(Database database) throws Exception {
        DomainName domain = DomainName.of("refused-" + UUID.randomUUID().toString().substring(0, 8) + ".dk");
        DnsZones zones = zones(database, "karen", domain, Optional.of(files(Files.createTempDirectory("kontor-zones"))));
        ZoneInfo before = zones.zone("karen", domain);

        assertThatThrownBy(() -> zones.add("karen", domain, new RecordInput("www", "A", "", "", "192.0.2.1")))
                .isInstanceOf(RecordRefusedException.class).hasMessageContaining("CNAME");
        ZoneInfo after = zones.zone("karen", domain);
        assertThat(after.serial()).isEqualTo(before.serial());
        assertThat(after.records()).isEqualTo(before.records());

        assertThatThrownBy(() -> zones.zone("mallory", domain)).isInstanceOf(UnknownZoneException.class);
        assertThatThrownBy(() -> zones.add("mallory", domain, new RecordInput("x", "A", "", "", "192.0.2.1")))
                .isInstanceOf(UnknownZoneException.class);
        String id = before.records().get(0).id();
        assertThatThrownBy(() -> zones.remove("mallory", domain, id)).isInstanceOf(UnknownZoneException.class);
        assertThat(zones.zone("karen", domain).records()).hasSize(before.records().size());
    }

    @DbTest
    void aZoneTheProviderDidNotTakeWaitsAndTheJobPublishesItOnceTheProviderIsBack(Database database) throws Exception {
        DomainName domain = DomainName.of("waiting-" + UUID.randomUUID().toString().substring(0, 8) + ".dk");
        AtomicBoolean down = new AtomicBoolean(true);
        List<Zone> published = new ArrayList<>();
        DnsProvider flaky = new DnsProvider() {
            @Override
            public String providerId() {
                return "flaky";
            }

            @Override
            public List<Nameserver> nameservers() {
                return List.of();
            }

            @Override
            public Outcome<Void> publish(IdempotencyKey key, Zone zone) {
                if (down.get()) {
                    return Outcome.undefined("connection refused");
                }
                published.add(zone);
                return Outcome.processed(null, key.value());
            }

            @Override
            public Outcome<Void> remove(IdempotencyKey key, DomainName origin) {
                return Outcome.processed(null, key.value());
            }
        };
        DnsZones zones = zones(database, "karen", domain, Optional.of(flaky));

        ZoneInfo zone = zones.add("karen", domain, new RecordInput("api", "A", "", "", "192.0.2.20"));
        assertThat(zone.state()).isEqualTo(ZoneState.CHANGED);
        assertThat(zone.lastError()).isEqualTo("connection refused");
        assertThat(zone.publishedSerial()).isNull();

        down.set(false);
        zones.publishWaiting(100);
        ZoneInfo done = zones.zone("karen", domain);
        assertThat(done.state()).isEqualTo(ZoneState.PUBLISHED);
        assertThat(done.publishedSerial()).isEqualTo(done.serial());
        assertThat(published).last().satisfies(z -> assertThat(z.records()).extracting(r -> r.name() + " " + r.data())
                .contains("api 192.0.2.20"));

        DnsZones withoutProvider = zones(database, "karen", domain, Optional.empty());
        assertThat(withoutProvider.add("karen", domain, new RecordInput("ftp", "A", "", "", "192.0.2.21")).state())
                .isEqualTo(ZoneState.FAILED);
    }

    private DnsZones zones(Database database, String customer, DomainName domain, Optional<DnsProvider> provider) {
        return new DnsZones(database.jdbi(), clock, (customerId, name) -> customerId.equals(customer) && name.equals(domain),
                () -> provider, () -> DnsSettings.defaultRecords("@ A 192.0.2.10; www CNAME @; @ MX 10 mail.example.net"));
    }

    private BindZoneFiles files(Path folder) {
        return new BindZoneFiles(folder, List.of(Nameserver.of("ns1.kontor.test"), Nameserver.of("ns2.kontor.test")),
                "hostmaster.kontor.test", clock);
    }
}
