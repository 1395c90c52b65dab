package org.kontor.plugins.powerdns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.dns.DnsRecord;
import org.kontor.api.dns.Zone;

/**
 * The record sets a zone should have on PowerDNS: the SOA and the apex NS set the plugin manages, and the zone's own
 * records grouped by owner and type (one TTL per set, the lowest of its records; duplicates once).
 */
public final class ZoneRrsets {

    /** SOA timers: refresh, retry and expire, in seconds; the minimum (negative caching) is the default TTL. */
    static final String SOA_TIMERS = "10800 3600 1209600";

    private ZoneRrsets() {
    }

    /**
     * @throws RecordContent.InvalidRecordException when a record cannot be expressed
     */
    public static Map<String, Rrset> of(Zone zone, PowerDnsConfig config) {
        String origin = origin(zone);
        Map<String, Rrset> sets = new LinkedHashMap<>();
        sets.put(Rrset.key(origin, "SOA"), soa(origin, config, 0));
        List<String> apexNs = new ArrayList<>(config.nameservers());
        Map<String, List<DnsRecord>> grouped = new LinkedHashMap<>();
        for (DnsRecord record : zone.records()) {
            String owner = RecordContent.owner(origin, record.name());
            if (owner.equals(origin) && record.type().equals("NS")) {
                String host = RecordContent.content(origin, record);
                if (!apexNs.contains(host)) {
                    apexNs.add(host);
                }
                continue;
            }
            grouped.computeIfAbsent(Rrset.key(owner, record.type()), key -> new ArrayList<>()).add(record);
        }
        sets.put(Rrset.key(origin, "NS"), new Rrset(origin, "NS", config.defaultTtl(), apexNs));
        for (List<DnsRecord> records : grouped.values()) {
            DnsRecord first = records.get(0);
            String owner = RecordContent.owner(origin, first.name());
            List<String> contents = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            int ttl = Integer.MAX_VALUE;
            for (DnsRecord record : records) {
                String content = RecordContent.content(origin, record);
                String comparable = RecordContent.comparable(record.type(), content);
                if (!seen.contains(comparable)) {
                    seen.add(comparable);
                    contents.add(content);
                }
                ttl = Math.min(ttl, record.ttl());
            }
            sets.put(Rrset.key(owner, first.type()), new Rrset(owner, first.type(), ttl, contents));
        }
        return sets;
    }

    /** The zone's absolute origin in A-label form: {@code xn--5cab8c.dk.}. */
    public static String origin(Zone zone) {
        return zone.origin().ascii() + ".";
    }

    /** The SOA set: the first nameserver as primary, the contact, the serial, the timers. */
    public static Rrset soa(String origin, PowerDnsConfig config, long serial) {
        return new Rrset(origin, "SOA", config.defaultTtl(), List.of(config.nameservers().get(0) + " "
                + config.soaContactFor(origin) + " " + serial + " " + SOA_TIMERS + " " + config.defaultTtl()));
    }
}
