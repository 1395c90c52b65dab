package org.kontor.host.dns;

/**
 * A record as the customer typed it: the owner relative to the zone ({@code @} for the domain itself, {@code www},
 * {@code *.shop}, {@code _sip._tcp}), the type, the TTL and MX/SRV priority as text, and the data in the form the page
 * explains (an address, a host name, free text for TXT, {@code weight port target} for SRV, {@code flags tag value} for
 * CAA).
 */
public record RecordInput(String name, String type, String ttl, String priority, String data) {

    public RecordInput {
        name = name == null ? "" : name.strip();
        type = type == null ? "" : type.strip().toUpperCase(java.util.Locale.ROOT);
        ttl = ttl == null ? "" : ttl.strip();
        priority = priority == null ? "" : priority.strip();
        data = data == null ? "" : data.strip();
    }
}
