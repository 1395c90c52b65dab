package org.kontor.host.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.kontor.api.dns.DnsProvider;
import org.kontor.api.dns.DnsRecord;
import org.kontor.api.dns.Zone;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;

/**
 * The built-in DNS provider: a BIND master file per zone ({@code <origin>.zone}) in a folder, with the SOA and NS
 * records of the operator's nameservers, and {@code zones.conf} listing every zone for the operator's named
 * ({@code include} it). Files are replaced atomically, so a name server reloading meanwhile reads the old file or the
 * new one, never half of one.
 */
public final class BindZoneFiles implements DnsProvider {

    public static final String ID = "bind";

    private final Path folder;
    private final List<Nameserver> nameservers;
    private final String hostmaster;
    private final Clock clock;

    /**
     * @param nameservers the operator's nameservers, at least one
     * @param hostmaster  the SOA's contact mailbox in DNS form, e.g. {@code hostmaster.example.net}
     */
    public BindZoneFiles(Path folder, List<Nameserver> nameservers, String hostmaster, Clock clock) {
        this.folder = folder;
        this.nameservers = List.copyOf(nameservers);
        this.hostmaster = hostmaster;
        this.clock = clock;
    }

    @Override
    public String providerId() {
        return ID;
    }

    @Override
    public List<Nameserver> nameservers() {
        return nameservers;
    }

    @Override
    public Outcome<Void> publish(IdempotencyKey key, Zone zone) {
        if (nameservers.isEmpty()) {
            return Outcome.error("no-nameservers", "No nameservers are configured for the zone files (dns.nameservers).");
        }
        try {
            Files.createDirectories(folder);
            write(file(zone.origin()), masterFile(zone));
            writeConfig();
            return Outcome.processed(null, key.value());
        } catch (IOException e) {
            return Outcome.error("zone-file", "The zone file could not be written: " + e.getMessage());
        }
    }

    @Override
    public Outcome<Void> remove(IdempotencyKey key, DomainName origin) {
        try {
            Files.deleteIfExists(file(origin));
            if (Files.isDirectory(folder)) {
                writeConfig();
            }
            return Outcome.processed(null, key.value());
        } catch (IOException e) {
            return Outcome.error("zone-file", "The zone file could not be removed: " + e.getMessage());
        }
    }

    /** The zone in master file form: $ORIGIN, SOA, NS, then the records, all names absolute. */
    String masterFile(Zone zone) throws IOException {
        Name origin = Name.fromString(zone.origin().ascii() + ".");
        // seconds since 1970: rises with every write and fits the SOA's 32 bits until 2106
        long serial = clock.instant().getEpochSecond();
        StringBuilder file = new StringBuilder();
        file.append("; ").append(zone.origin().unicode()).append(", written by Kontor\n");
        file.append("$ORIGIN ").append(origin).append('\n');
        file.append("$TTL ").append(ZoneRules.DEFAULT_TTL).append('\n');
        file.append(new SOARecord(origin, DClass.IN, ZoneRules.DEFAULT_TTL, absolute(nameservers.get(0).host().ascii()),
                absolute(hostmaster), serial, 7200, 3600, 1_209_600, 300)).append('\n');
        for (Nameserver nameserver : nameservers) {
            file.append(new NSRecord(origin, DClass.IN, ZoneRules.DEFAULT_TTL, absolute(nameserver.host().ascii())))
                    .append('\n');
        }
        for (DnsRecord record : zone.records()) {
            file.append(ZoneRules.toRecord(zone.origin(), record)).append('\n');
        }
        return file.toString();
    }

    private static Name absolute(String name) throws TextParseException {
        return Name.fromString(name.endsWith(".") ? name : name + ".");
    }

    private Path file(DomainName origin) {
        return folder.resolve(origin.ascii() + ".zone");
    }

    private void writeConfig() throws IOException {
        StringBuilder config = new StringBuilder("// The zones Kontor keeps; include this file in named.conf.\n");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path zoneFile : files.filter(path -> path.getFileName().toString().endsWith(".zone")).sorted().toList()) {
                String name = zoneFile.getFileName().toString();
                config.append("zone \"").append(name, 0, name.length() - ".zone".length()).append("\" { type master; file \"")
                        .append(zoneFile.toAbsolutePath()).append("\"; };\n");
            }
        }
        write(folder.resolve("zones.conf"), config.toString());
    }

    private static void write(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".kontor-", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
