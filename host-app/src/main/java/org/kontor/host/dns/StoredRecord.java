package org.kontor.host.dns;

import org.kontor.api.dns.DnsRecord;

/** A record of a zone with its id. */
public record StoredRecord(String id, DnsRecord record) {
}
