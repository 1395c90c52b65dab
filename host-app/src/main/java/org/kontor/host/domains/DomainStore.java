package org.kontor.host.domains;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Period;
import org.kontor.api.portfolio.PortfolioDomain.State;

/**
 * The table {@code domain}. The methods taking a {@link Handle} write inside the caller's transaction, so
 * that a domain record changes in the same commit as the operation or poll message that changes it.
 */
public final class DomainStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public DomainStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    // ---- reads ----

    public Optional<DomainRecord> find(DomainName name) {
        return jdbi.withHandle(h -> find(h, name));
    }

    public Optional<DomainRecord> find(Handle h, DomainName name) {
        return h.createQuery("SELECT * FROM domain WHERE name = :name").bind("name", name.ascii())
                .map(DomainStore::map).findOne();
    }

    /** The customer's domain; empty when it does not exist or is someone else's. */
    public Optional<DomainRecord> find(String customerId, DomainName name) {
        return find(name).filter(d -> d.customerId().equals(customerId));
    }

    public List<DomainRecord> ofCustomer(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain WHERE customer_id = :customer ORDER BY name")
                .bind("customer", customerId).map(DomainStore::map).list());
    }

    /** The customer's ACTIVE domains expiring in {@code [from, until)}, soonest first. */
    public List<DomainRecord> expiring(String customerId, Instant from, Instant until) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain WHERE customer_id = :customer AND state = 'ACTIVE' "
                        + "AND expires_at >= :from AND expires_at < :until ORDER BY expires_at, name")
                .bind("customer", customerId).bind("from", from.toEpochMilli()).bind("until", until.toEpochMilli())
                .map(DomainStore::map).list());
    }

    /** The customer's domains in REDEMPTION (restorable), by name. */
    public List<DomainRecord> inRedemption(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain WHERE customer_id = :customer "
                        + "AND state = 'REDEMPTION' ORDER BY name")
                .bind("customer", customerId).map(DomainStore::map).list());
    }

    /** One page of domains for the operator, by name. */
    public record Page(List<DomainRecord> domains, int total) {
    }

    /**
     * Domains whose name (A-label or Unicode), customer id, or customer's name, company or e-mail address contains
     * {@code text}, optionally only those in one state or of one registry; {@code limit} of them from {@code offset},
     * by name, and how many match in all.
     */
    public Page search(String text, Optional<State> state, Optional<String> registryId, int offset, int limit) {
        String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
        String where = " WHERE (name LIKE :p ESCAPE '!' OR LOWER(unicode_name) LIKE :p ESCAPE '!' "
                + "OR LOWER(customer_id) LIKE :p ESCAPE '!' OR customer_id IN (SELECT id FROM customer "
                + "WHERE LOWER(name) LIKE :p ESCAPE '!' OR email_key LIKE :p ESCAPE '!' "
                + "OR LOWER(COALESCE(company, '')) LIKE :p ESCAPE '!'))"
                + (state.isPresent() ? " AND state = :state" : "") + (registryId.isPresent() ? " AND registry_id = :registry" : "");
        return jdbi.withHandle(h -> {
            var count = h.createQuery("SELECT COUNT(*) FROM domain" + where).bind("p", pattern);
            var rows = h.createQuery("SELECT * FROM domain" + where + " ORDER BY name LIMIT :limit OFFSET :offset")
                    .bind("p", pattern).bind("limit", limit).bind("offset", offset);
            state.ifPresent(s -> {
                count.bind("state", s.name());
                rows.bind("state", s.name());
            });
            registryId.ifPresent(r -> {
                count.bind("registry", r);
                rows.bind("registry", r);
            });
            int total = count.mapTo(Integer.class).one();
            return new Page(rows.map(DomainStore::map).list(), total);
        });
    }

    /** The registries domains are recorded with, by id. */
    public List<String> registryIds() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT registry_id FROM domain ORDER BY registry_id")
                .mapTo(String.class).list());
    }

    /**
     * What the registry said of the domain when asked by hand: its statuses, and its expiry when it gave one; the
     * record is marked synced now.
     */
    public boolean synced(DomainName name, Set<String> statuses, Instant expiresAt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE domain SET registry_statuses = :statuses, "
                        + "expires_at = COALESCE(:expires, expires_at), last_synced_at = :now, updated_at = :now "
                        + "WHERE name = :name")
                .bind("statuses", String.join(" ", new TreeSet<>(statuses))).bind("expires", millis(expiresAt))
                .bind("now", clock.millis()).bind("name", name.ascii()).execute() == 1);
    }

    // ---- writes in the caller's transaction ----

    /**
     * Creates or replaces the record of a domain in {@code state} for {@code customerId}. Dates that are null
     * keep what is recorded; statuses are kept. A termination stays only while customer and state stay; a new
     * customer starts with automatic renewal on.
     */
    public void put(Handle h, DomainName name, String customerId, String registryId, State state, Instant createdAt,
                    Instant expiresAt, String reference, String changedBy) {
        long now = clock.millis();
        h.createUpdate("INSERT INTO domain (name, unicode_name, tld, registry_id, customer_id, state, created_at, expires_at, "
                        + "registry_reference, last_operation_key, last_synced_at, updated_at) VALUES (:name, :unicode, :tld, "
                        + ":registry, :customer, :state, :created, :expires, :reference, :by, :now, :now) "
                        + "ON CONFLICT (name) DO UPDATE SET registry_id = excluded.registry_id, customer_id = excluded.customer_id, "
                        + "state = excluded.state, created_at = COALESCE(excluded.created_at, domain.created_at), "
                        + "expires_at = COALESCE(excluded.expires_at, domain.expires_at), "
                        + "registry_reference = COALESCE(excluded.registry_reference, domain.registry_reference), "
                        + "terminated_at = CASE WHEN domain.customer_id = excluded.customer_id AND domain.state = excluded.state "
                        + "THEN domain.terminated_at END, "
                        + "auto_renew = CASE WHEN domain.customer_id = excluded.customer_id THEN domain.auto_renew ELSE 1 END, "
                        + "last_operation_key = excluded.last_operation_key, last_synced_at = excluded.last_synced_at, "
                        + "updated_at = excluded.updated_at")
                .bind("name", name.ascii()).bind("unicode", name.unicode()).bind("tld", name.tld().ascii())
                .bind("registry", registryId).bind("customer", customerId).bind("state", state.name())
                .bind("created", millis(createdAt)).bind("expires", millis(expiresAt)).bind("reference", reference)
                .bind("by", changedBy).bind("now", now).execute();
    }

    /**
     * Moves a recorded domain to {@code state} when it is in one of {@code from} (all states when empty).
     *
     * @return false when there is no such record or it is in another state
     */
    public boolean move(Handle h, DomainName name, Collection<State> from, State state, Instant expiresAt, String changedBy) {
        String states = from.isEmpty() ? "" : " AND state IN (" + from.stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ")) + ")";
        return h.createUpdate("UPDATE domain SET state = :state, expires_at = COALESCE(:expires, expires_at), "
                        + "last_operation_key = :by, last_synced_at = :now, updated_at = :now WHERE name = :name" + states)
                .bind("state", state.name()).bind("expires", millis(expiresAt)).bind("by", changedBy)
                .bind("now", clock.millis()).bind("name", name.ascii()).execute() == 1;
    }

    /**
     * The registry deleted the domain into its redemption period: REDEMPTION (from ACTIVE or REDEMPTION), restorable
     * until {@code restoreUntil} when known.
     *
     * @return false when there is no such record or it is in another state
     */
    public boolean redemption(Handle h, DomainName name, Instant restoreUntil, String changedBy) {
        return h.createUpdate("UPDATE domain SET state = 'REDEMPTION', restore_until = :until, last_operation_key = :by, "
                        + "last_synced_at = :now, updated_at = :now WHERE name = :name AND state IN ('ACTIVE', 'REDEMPTION')")
                .bind("until", millis(restoreUntil)).bind("by", changedBy).bind("now", clock.millis())
                .bind("name", name.ascii()).execute() == 1;
    }

    /**
     * A restore done: ACTIVE again with the registry's expiry when it said one. The customer paid to keep it, so a
     * termination from before is lifted (else it would lapse again) and there is no restore deadline any more.
     */
    public void restored(Handle h, DomainName name, Instant expiresAt, String changedBy) {
        h.createUpdate("UPDATE domain SET state = 'ACTIVE', expires_at = COALESCE(:expires, expires_at), "
                        + "terminated_at = NULL, restore_until = NULL, last_operation_key = :by, last_synced_at = :now, "
                        + "updated_at = :now WHERE name = :name")
                .bind("expires", millis(expiresAt)).bind("by", changedBy).bind("now", clock.millis())
                .bind("name", name.ascii()).execute();
    }

    /** A renewal done: the registry's new expiry, or the recorded one plus the period when the registry did not say. */
    public void renewed(Handle h, DomainName name, Instant newExpiry, Period period, String changedBy) {
        Optional<DomainRecord> current = find(h, name);
        if (current.isEmpty()) {
            return;
        }
        Instant expiry = newExpiry;
        if (expiry == null && current.get().expiresAt() != null && period != null) {
            expiry = current.get().expiresAt().atOffset(ZoneOffset.UTC).plusMonths(period.inMonths()).toInstant();
        }
        move(h, name, List.of(), current.get().state() == State.REDEMPTION ? State.ACTIVE : current.get().state(),
                expiry, changedBy);
    }

    public void setStatuses(Handle h, DomainName name, Set<String> statuses) {
        h.createUpdate("UPDATE domain SET registry_statuses = :statuses, last_synced_at = :now, updated_at = :now "
                        + "WHERE name = :name")
                .bind("statuses", String.join(" ", new TreeSet<>(statuses))).bind("now", clock.millis())
                .bind("name", name.ascii()).execute();
    }

    // ---- the customer's own changes ----

    /** @return false when the customer has no such domain */
    public boolean setAutoRenew(String customerId, DomainName name, boolean autoRenew) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE domain SET auto_renew = :flag, updated_at = :now "
                        + "WHERE name = :name AND customer_id = :customer")
                .bind("flag", autoRenew ? 1 : 0).bind("now", clock.millis()).bind("name", name.ascii())
                .bind("customer", customerId).execute() == 1);
    }

    /** Marks the domain terminated (once; the first time counts) and never to be renewed. */
    public boolean terminate(String customerId, DomainName name) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE domain SET terminated_at = COALESCE(terminated_at, :now), "
                        + "auto_renew = 0, updated_at = :now WHERE name = :name AND customer_id = :customer")
                .bind("now", clock.millis()).bind("name", name.ascii()).bind("customer", customerId).execute() == 1);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    static DomainRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        String statuses = rs.getString("registry_statuses");
        return new DomainRecord(DomainName.of(rs.getString("name")), rs.getString("customer_id"),
                rs.getString("registry_id"), State.valueOf(rs.getString("state")), instant(rs, "created_at"),
                instant(rs, "expires_at"), rs.getInt("auto_renew") == 1, instant(rs, "terminated_at"),
                statuses == null || statuses.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(statuses.split(" "))),
                rs.getString("registry_reference"), rs.getString("last_operation_key"), instant(rs, "last_synced_at"),
                Instant.ofEpochMilli(rs.getLong("updated_at")), instant(rs, "restore_until"));
    }
}
