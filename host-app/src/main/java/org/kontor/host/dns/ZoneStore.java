package org.kontor.host.dns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.dns.DnsRecord;
import org.kontor.api.domain.DomainName;

/** The tables {@code dns_zone} and {@code dns_record}. Every change of records raises the zone's serial. */
final class ZoneStore {

    private final Jdbi jdbi;
    private final Clock clock;

    ZoneStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    Optional<ZoneInfo> find(DomainName domain) {
        return jdbi.withHandle(h -> find(h, domain));
    }

    Optional<ZoneInfo> find(Handle h, DomainName domain) {
        return h.createQuery("SELECT * FROM dns_zone WHERE domain = :domain").bind("domain", domain.ascii())
                .map((rs, ctx) -> {
                    long published = rs.getLong("published_serial");
                    Long publishedSerial = rs.wasNull() ? null : published;
                    long at = rs.getLong("published_at");
                    Instant publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(at);
                    return new ZoneInfo(domain, rs.getString("customer_id"), rs.getString("provider_id"),
                            rs.getLong("serial"), ZoneState.valueOf(rs.getString("state")), rs.getString("last_error"),
                            publishedSerial, publishedAt, List.of());
                }).findOne()
                .map(zone -> new ZoneInfo(zone.domain(), zone.customerId(), zone.providerId(), zone.serial(),
                        zone.state(), zone.lastError(), zone.publishedSerial(), zone.publishedAt(), records(h, domain)));
    }

    List<StoredRecord> records(Handle h, DomainName domain) {
        return h.createQuery("SELECT * FROM dns_record WHERE domain = :domain ORDER BY name, type, priority, data, id")
                .bind("domain", domain.ascii())
                .map((rs, ctx) -> {
                    int value = rs.getInt("priority");
                    Integer priority = rs.wasNull() ? null : value;
                    return new StoredRecord(rs.getString("id"), new DnsRecord(rs.getString("name"), rs.getString("type"),
                            rs.getInt("ttl"), priority, rs.getString("data")));
                }).list();
    }

    /** Creates the zone when it does not exist; false when it did. */
    boolean create(Handle h, DomainName domain, String customerId, String providerId) {
        return h.createUpdate("INSERT INTO dns_zone (domain, customer_id, provider_id, serial, state, updated_at) "
                        + "VALUES (:domain, :customer, :provider, 1, 'CHANGED', :now) ON CONFLICT (domain) DO NOTHING")
                .bind("domain", domain.ascii()).bind("customer", customerId).bind("provider", providerId)
                .bind("now", clock.millis()).execute() == 1;
    }

    String add(Handle h, DomainName domain, DnsRecord record) {
        String id = UUID.randomUUID().toString();
        h.createUpdate("INSERT INTO dns_record (id, domain, name, type, ttl, priority, data, created_at) "
                        + "VALUES (:id, :domain, :name, :type, :ttl, :priority, :data, :now)")
                .bind("id", id).bind("domain", domain.ascii()).bind("name", record.name()).bind("type", record.type())
                .bind("ttl", record.ttl()).bind("priority", record.priority()).bind("data", record.data())
                .bind("now", clock.millis()).execute();
        return id;
    }

    boolean remove(Handle h, DomainName domain, String id) {
        return h.createUpdate("DELETE FROM dns_record WHERE id = :id AND domain = :domain")
                .bind("id", id).bind("domain", domain.ascii()).execute() == 1;
    }

    /** Locks the zone's row for this transaction and raises its serial: the zone changed. */
    void changed(Handle h, DomainName domain) {
        h.createUpdate("UPDATE dns_zone SET serial = serial + 1, state = 'CHANGED', updated_at = :now WHERE domain = :domain")
                .bind("now", clock.millis()).bind("domain", domain.ascii()).execute();
    }

    /** Records the provider's answer for {@code serial}; a later change keeps its CHANGED state. */
    void published(DomainName domain, long serial, ZoneState state, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE dns_zone SET state = CASE WHEN serial = :serial THEN :state ELSE state END, "
                        + "last_error = :error, published_serial = CASE WHEN :ok = 1 THEN :serial ELSE published_serial END, "
                        + "published_at = CASE WHEN :ok = 1 THEN :now ELSE published_at END, updated_at = :now "
                        + "WHERE domain = :domain")
                .bind("serial", serial).bind("state", state.name()).bind("error", error)
                .bind("ok", state == ZoneState.PUBLISHED ? 1 : 0).bind("now", clock.millis())
                .bind("domain", domain.ascii()).execute());
    }

    List<DomainName> waiting(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT domain FROM dns_zone WHERE state <> 'PUBLISHED' "
                        + "ORDER BY updated_at LIMIT :limit").bind("limit", limit).mapTo(String.class).list())
                .stream().map(DomainName::of).toList();
    }

    void delete(Handle h, DomainName domain) {
        h.createUpdate("DELETE FROM dns_record WHERE domain = :domain").bind("domain", domain.ascii()).execute();
        h.createUpdate("DELETE FROM dns_zone WHERE domain = :domain").bind("domain", domain.ascii()).execute();
    }
}
