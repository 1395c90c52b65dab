package org.kontor.api.dns;

import java.util.List;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Nameserver;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.pf4j.ExtensionPoint;

/**
 * A DNS service that serves zones (PowerDNS, a hidden primary with secondaries). The host keeps the
 * records; the provider receives whole zones, so publishing the same zone twice is harmless.
 */
public interface DnsProvider extends ExtensionPoint {

    /** A stable id, e.g. {@code powerdns}. */
    String providerId();

    /** The nameservers that serve zones published here; domains must delegate to them. */
    List<Nameserver> nameservers();

    /** Creates or replaces a zone with exactly these records. */
    Outcome<Void> publish(IdempotencyKey key, Zone zone);

    /** Removes a zone. */
    Outcome<Void> remove(IdempotencyKey key, DomainName origin);
}
