package org.kontor.host.dns;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.kontor.api.dns.DnsProvider;
import org.kontor.api.dns.DnsRecord;
import org.kontor.api.dns.Zone;
import org.kontor.api.domain.DomainName;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customers' zones (TEC-2, TEC-3). Every call names the customer and reaches only a domain they hold. A change is
 * checked ({@link ZoneRules}), stored with a new serial in one transaction, and then, outside it, the whole zone is
 * published to the DNS provider; what the provider answers is the zone's state. A zone the provider did not take stays
 * CHANGED or FAILED and the publishing job sends it again.
 */
public final class DnsZones {

    private static final Logger LOG = LoggerFactory.getLogger(DnsZones.class);

    private final ZoneStore store;
    private final ZoneRules rules = new ZoneRules();
    private final BiPredicate<String, DomainName> holds;
    private final Supplier<Optional<DnsProvider>> provider;
    private final Supplier<List<RecordInput>> defaults;

    /**
     * @param holds    whether a customer holds a domain now (zones exist only for those)
     * @param provider the DNS provider the operator chose, if it is running
     * @param defaults the operator's records every new zone starts with
     */
    public DnsZones(org.jdbi.v3.core.Jdbi jdbi, Clock clock, BiPredicate<String, DomainName> holds,
                    Supplier<Optional<DnsProvider>> provider, Supplier<List<RecordInput>> defaults) {
        this.store = new ZoneStore(jdbi, clock);
        this.holds = holds;
        this.provider = provider;
        this.defaults = defaults;
    }

    /** The customer's zone, created with the operator's default records on first sight. */
    public ZoneInfo zone(String customerId, DomainName domain) {
        requireHeld(customerId, domain);
        Optional<ZoneInfo> zone = store.find(domain);
        if (zone.isPresent() && zone.get().customerId().equals(customerId)) {
            return zone.get();
        }
        return create(customerId, domain);
    }

    /**
     * A domain the customer holds gets its zone with the operator's default records (after a registration), published
     * at once; a zone that exists is left as it is.
     */
    public ZoneInfo create(String customerId, DomainName domain) {
        requireHeld(customerId, domain);
        String providerId = provider.get().map(DnsProvider::providerId).orElse(BindZoneFiles.ID);
        boolean created = store.jdbi().inTransaction(h -> {
            Optional<ZoneInfo> existing = store.find(h, domain);
            if (existing.isPresent() && !existing.get().customerId().equals(customerId)) {
                store.delete(h, domain); // the domain changed hands: the new holder starts afresh
            } else if (existing.isPresent()) {
                return false;
            }
            store.create(h, domain, customerId, providerId);
            List<DnsRecord> records = new java.util.ArrayList<>();
            for (RecordInput input : defaults.get()) {
                try {
                    DnsRecord record = rules.check(domain, input, records);
                    store.add(h, domain, record);
                    records.add(record);
                } catch (RecordRefusedException e) {
                    LOG.warn("The default record {} {} does not fit {}: {}", input.name(), input.type(), domain,
                            e.getMessage());
                }
            }
            return true;
        });
        if (created) {
            publish(domain);
        }
        return store.find(domain).orElseThrow();
    }

    /** Adds a record. @throws RecordRefusedException with every reason it is refused; nothing is stored then */
    public ZoneInfo add(String customerId, DomainName domain, RecordInput input) {
        zone(customerId, domain);
        store.jdbi().useTransaction(h -> {
            store.changed(h, domain);
            List<DnsRecord> existing = store.records(h, domain).stream().map(StoredRecord::record).toList();
            store.add(h, domain, rules.check(domain, input, existing));
        });
        publish(domain);
        return store.find(domain).orElseThrow();
    }

    /** Replaces a record. @return empty when the zone has no such record */
    public Optional<ZoneInfo> replace(String customerId, DomainName domain, String recordId, RecordInput input) {
        zone(customerId, domain);
        boolean done = store.jdbi().inTransaction(h -> {
            store.changed(h, domain);
            List<StoredRecord> records = store.records(h, domain);
            if (records.stream().noneMatch(r -> r.id().equals(recordId))) {
                return false;
            }
            List<DnsRecord> others = records.stream().filter(r -> !r.id().equals(recordId)).map(StoredRecord::record)
                    .toList();
            DnsRecord record = rules.check(domain, input, others);
            store.remove(h, domain, recordId);
            store.add(h, domain, record);
            return true;
        });
        if (!done) {
            return Optional.empty();
        }
        publish(domain);
        return store.find(domain);
    }

    /** Removes a record. @return empty when the zone has no such record */
    public Optional<ZoneInfo> remove(String customerId, DomainName domain, String recordId) {
        zone(customerId, domain);
        boolean done = store.jdbi().inTransaction(h -> {
            if (!store.remove(h, domain, recordId)) {
                return false;
            }
            store.changed(h, domain);
            return true;
        });
        if (!done) {
            return Optional.empty();
        }
        publish(domain);
        return store.find(domain);
    }

    /** The zone in master file form as the built-in provider writes it, for download. */
    public String zoneFile(String customerId, DomainName domain, BindZoneFiles files) {
        ZoneInfo zone = zone(customerId, domain);
        try {
            return files.masterFile(new Zone(domain, zone.records().stream().map(StoredRecord::record).toList()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the zone of " + domain + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** Publishes the zone as it is now, outside any transaction; its state follows the provider's answer. */
    public ZoneState publish(DomainName domain) {
        ZoneInfo zone = store.find(domain).orElseThrow(() -> new IllegalArgumentException("no zone " + domain));
        Optional<DnsProvider> chosen = provider.get();
        if (chosen.isEmpty()) {
            store.published(domain, zone.serial(), ZoneState.FAILED, "the DNS provider is not running");
            return ZoneState.FAILED;
        }
        Outcome<Void> outcome;
        try {
            outcome = chosen.get().publish(IdempotencyKey.of("dns:" + domain.ascii() + ":" + zone.serial()),
                    new Zone(domain, zone.records().stream().map(StoredRecord::record).toList()));
        } catch (RuntimeException e) {
            LOG.warn("Publishing the zone of {} failed", domain, e);
            outcome = Outcome.undefined("the provider failed: " + e.getMessage());
        }
        ZoneState state = outcome.isProcessed() ? ZoneState.PUBLISHED
                : outcome.status() == org.kontor.api.outcome.OutcomeStatus.ERROR ? ZoneState.FAILED : ZoneState.CHANGED;
        store.published(domain, zone.serial(), state, outcome.isProcessed() ? null : outcome.message());
        return state;
    }

    /** Publishes the zones that wait; the publishing job's work. @return how many are published now */
    public int publishWaiting(int limit) {
        int published = 0;
        for (DomainName domain : store.waiting(limit)) {
            if (publish(domain) == ZoneState.PUBLISHED) {
                published++;
            }
        }
        return published;
    }

    private void requireHeld(String customerId, DomainName domain) {
        if (!holds.test(customerId, domain)) {
            throw new UnknownZoneException(domain);
        }
    }
}
