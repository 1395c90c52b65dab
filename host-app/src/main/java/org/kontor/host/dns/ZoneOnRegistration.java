package org.kontor.host.dns;

import org.kontor.api.event.DomainRegistered;
import org.kontor.api.event.EventListener;
import org.kontor.api.event.EventMetadata;

/**
 * A registered or transferred-in domain gets its DNS zone with the operator's default records, published at once
 * (TEC-3). Delivered from the outbox, so a zone is made even when the host stopped right after the registration; a
 * zone that exists is left as it is.
 */
public final class ZoneOnRegistration implements EventListener<DomainRegistered> {

    private final DnsZones zones;

    public ZoneOnRegistration(DnsZones zones) {
        this.zones = zones;
    }

    @Override
    public Class<DomainRegistered> eventType() {
        return DomainRegistered.class;
    }

    @Override
    public void on(DomainRegistered event, EventMetadata metadata) {
        try {
            zones.create(event.customerId(), event.domain());
        } catch (UnknownZoneException e) {
            // no longer the customer's, or no longer active, when the event arrives: no zone to make
        }
    }
}
