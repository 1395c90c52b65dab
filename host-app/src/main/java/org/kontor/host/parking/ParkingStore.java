package org.kontor.host.parking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.DomainName;

/** The table {@code domain_parking}: one row per domain, the last parking choice made for it. */
public final class ParkingStore {

    private final Jdbi jdbi;

    public ParkingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The customer's parking of the domain; empty when none was ever chosen (or the domain is another's). */
    public Optional<Parking> find(String customerId, DomainName domain) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain_parking WHERE domain = :domain "
                        + "AND customer_id = :customer")
                .bind("domain", domain.ascii()).bind("customer", customerId)
                .map((rs, ctx) -> read(rs)).findOne());
    }

    /** Parkings the provider has not confirmed (PENDING) or a host left half done (SWITCHING), untouched since. */
    public List<Parking> unsettled(Instant untouchedSince, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain_parking WHERE state IN ('PENDING', 'SWITCHING') "
                        + "AND updated_at < :since ORDER BY updated_at LIMIT " + limit)
                .bind("since", untouchedSince.toEpochMilli()).map((rs, ctx) -> read(rs)).list());
    }

    /** Writes the row of the parking's domain, replacing what was there. */
    public void save(Parking parking) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE domain_parking SET customer_id = :customer, provider_id = :provider, "
                            + "previous_nameservers = :previous, state = :state, operation_key = :key, message = :message, "
                            + "parked_at = :parkedAt, left_at = :leftAt, updated_at = :updatedAt WHERE domain = :domain")
                    .bindMap(values(parking)).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO domain_parking (domain, customer_id, provider_id, previous_nameservers, "
                                + "state, operation_key, message, parked_at, left_at, updated_at) VALUES (:domain, "
                                + ":customer, :provider, :previous, :state, :key, :message, :parkedAt, :leftAt, :updatedAt)")
                        .bindMap(values(parking)).execute();
            }
        });
    }

    private static java.util.Map<String, Object> values(Parking parking) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("domain", parking.domain());
        values.put("customer", parking.customerId());
        values.put("provider", parking.providerId());
        values.put("previous", String.join("\n", parking.previousNameservers()));
        values.put("state", parking.state().name());
        values.put("key", parking.operationKey());
        values.put("message", parking.message());
        values.put("parkedAt", millis(parking.parkedAt()));
        values.put("leftAt", millis(parking.leftAt()));
        values.put("updatedAt", millis(parking.updatedAt()));
        return values;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Parking read(ResultSet rs) throws SQLException {
        String previous = rs.getString("previous_nameservers");
        List<String> hosts = previous == null || previous.isBlank() ? List.of()
                : Arrays.stream(previous.split("\n")).filter(host -> !host.isBlank()).toList();
        return new Parking(rs.getString("domain"), rs.getString("customer_id"), rs.getString("provider_id"), hosts,
                ParkingState.valueOf(rs.getString("state")), rs.getString("operation_key"), rs.getString("message"),
                instant(rs, "parked_at"), instant(rs, "left_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
