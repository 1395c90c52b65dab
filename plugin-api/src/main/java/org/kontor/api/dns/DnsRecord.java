package org.kontor.api.dns;

import java.util.Objects;
import java.util.Set;

/**
 * One resource record.
 *
 * @param name     the owner relative to the zone origin, {@code @} for the origin itself
 * @param type     A, AAAA, CNAME, MX, TXT, SRV, CAA, NS
 * @param ttl      seconds, 60 to 604800
 * @param priority for MX and SRV (0 to 65535), else null
 * @param data     the record data in zone file form (an address, a host name, quoted text)
 */
public record DnsRecord(String name, String type, int ttl, Integer priority, String data) {

    /** The record types the host lets customers edit. */
    public static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS");

    public DnsRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type: " + type + " is not one of " + TYPES);
        }
        if (ttl < 60 || ttl > 604_800) {
            throw new IllegalArgumentException("ttl: must be 60 to 604800 seconds, was " + ttl);
        }
        if ((type.equals("MX") || type.equals("SRV")) && priority == null) {
            throw new IllegalArgumentException("priority: is required for " + type);
        }
        if (priority != null && (priority < 0 || priority > 65_535)) {
            throw new IllegalArgumentException("priority: must be 0 to 65535, was " + priority);
        }
    }
}
