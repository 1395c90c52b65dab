package org.kontor.host.domains.management;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.domain.DomainName;

/** The table {@code domain_change}: the history of a customer's own changes to a domain. */
public final class DomainChanges {

    private static final int SHOWN = 50;

    private final Jdbi jdbi;
    private final Clock clock;

    public DomainChanges(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public DomainChange record(String customerId, DomainName domain, DomainChange.Kind kind, DomainChange.State state,
                               String detail) {
        DomainChange change = new DomainChange(UUID.randomUUID().toString(), domain.ascii(), kind, state,
                detail == null ? "" : detail, clock.instant());
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO domain_change (id, domain, customer_id, kind, state, detail, "
                        + "created_at, seq) VALUES (:id, :domain, :customer, :kind, :state, :detail, :at, "
                        + "(SELECT COALESCE(MAX(seq), 0) + 1 FROM domain_change))")
                .bind("id", change.id()).bind("domain", change.domain()).bind("customer", customerId)
                .bind("kind", kind.name()).bind("state", state.name()).bind("detail", change.detail())
                .bind("at", change.at().toEpochMilli()).execute());
        return change;
    }

    /** The customer's changes to the domain, newest first (the last 50). */
    public List<DomainChange> of(String customerId, DomainName domain) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain_change WHERE customer_id = :customer "
                        + "AND domain = :domain ORDER BY seq DESC LIMIT " + SHOWN)
                .bind("customer", customerId).bind("domain", domain.ascii())
                .map((rs, ctx) -> new DomainChange(rs.getString("id"), rs.getString("domain"),
                        DomainChange.Kind.valueOf(rs.getString("kind")), DomainChange.State.valueOf(rs.getString("state")),
                        rs.getString("detail"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }
}
