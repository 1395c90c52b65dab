package org.kontor.api.dns;

import java.util.List;
import java.util.Objects;
import org.kontor.api.domain.DomainName;

/** A zone: its origin and its records (the provider adds SOA and NS records itself). */
public record Zone(DomainName origin, List<DnsRecord> records) {

    public Zone {
        Objects.requireNonNull(origin, "origin");
        records = records == null ? List.of() : List.copyOf(records);
    }
}
