package org.kontor.host.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.kontor.api.domain.DomainName;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.host.domains.DomainStore;

/**
 * The table {@code domain_operation}. Every change of state is a conditional update from an expected
 * state, each in a transaction of its own, so that the live process and a janitor never overwrite each
 * other's settlement.
 */
public final class DomainOperationStore {

    private static final int MAX_MESSAGE_LENGTH = 1000;

    private final Jdbi jdbi;
    private final Clock clock;

    private final DomainRecordUpdates records;
    private final Optional<OperationNotices> notices;

    public DomainOperationStore(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, Optional.empty());
    }

    /** @param notices tells of operations parked for review and of domains registered, in the changing transaction */
    public DomainOperationStore(Jdbi jdbi, Clock clock, Optional<OperationNotices> notices) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.records = new DomainRecordUpdates(new DomainStore(jdbi, clock));
        this.notices = notices;
    }

    /**
     * Records the intent in state RECORDED and commits.
     *
     * @return false when an operation with this key exists already (nothing was written)
     */
    boolean record(DomainOperationRequest request, String registryId) {
        RegistryCommand command = request.command();
        long now = clock.millis();
        int rows = jdbi.withHandle(h -> h.createUpdate("INSERT INTO domain_operation (operation_key, customer_id, domain, "
                        + "kind, period, amount_minor, currency, funding_source_id, registry_id, state, created_at, updated_at) "
                        + "VALUES (:key, :customer, :domain, :kind, :period, :amount, :currency, :source, :registry, "
                        + "'RECORDED', :now, :now) ON CONFLICT (operation_key) DO NOTHING")
                .bind("key", command.key().value()).bind("customer", request.customerId())
                .bind("domain", command.domain().ascii()).bind("kind", command.kind().name())
                .bind("period", command.period() == null ? null : command.period().toString())
                .bind("amount", request.amount().toMinorUnits()).bind("currency", request.amount().currencyCode())
                .bind("source", request.fundingSourceId()).bind("registry", registryId).bind("now", now)
                .execute());
        return rows == 1;
    }

    /**
     * Moves an operation from {@code from} to {@code to}, recording what is known of the registry's answer.
     *
     * @param outcome null to leave the recorded outcome as it is
     * @return false when the operation was not in state {@code from} (someone else settled it)
     */
    boolean transition(IdempotencyKey key, OperationState from, OperationState to, OutcomeInfo outcome) {
        return jdbi.inTransaction(h -> transition(h, key, from, to, outcome));
    }

    /**
     * As {@link #transition(IdempotencyKey, OperationState, OperationState, OutcomeInfo)}, inside the caller's
     * transaction; the domain's record changes with it (see {@link DomainRecordUpdates}).
     */
    boolean transition(Handle h, IdempotencyKey key, OperationState from, OperationState to, OutcomeInfo outcome) {
        var update = h.createUpdate("UPDATE domain_operation SET state = :to, updated_at = :now"
                        + (outcome == null ? "" : ", outcome_status = COALESCE(:status, outcome_status), outcome_code = :code, "
                        + "outcome_message = :message, registry_reference = COALESCE(:reference, registry_reference)")
                        + " WHERE operation_key = :key AND state = :from")
                .bind("to", to.name()).bind("now", clock.millis()).bind("key", key.value()).bind("from", from.name());
        if (outcome != null) {
            update.bind("status", outcome.status() == null ? null : outcome.status().name())
                    .bind("code", outcome.code()).bind("message", truncate(outcome.message()))
                    .bind("reference", outcome.reference());
        }
        if (update.execute() != 1) {
            return false;
        }
        if (from != to) {
            find(h, key).ifPresent(operation -> {
                records.apply(h, operation, to, outcome);
                if (to == OperationState.HELD_FOR_REVIEW) {
                    notices.ifPresent(notices -> notices.parked(h, operation, outcome));
                }
                if (to == OperationState.COMPLETED && (operation.kind() == ChargeKind.DOMAIN_CREATE
                        || operation.kind() == ChargeKind.DOMAIN_TRANSFER)) {
                    java.time.Instant expires = records.domains().find(h, operation.domain())
                            .map(org.kontor.host.domains.DomainRecord::expiresAt).orElse(null);
                    notices.ifPresent(notices -> notices.registered(h, operation, expires));
                }
            });
        }
        return true;
    }

    public Optional<DomainOperation> find(IdempotencyKey key) {
        return jdbi.withHandle(h -> find(h, key));
    }

    Optional<DomainOperation> find(Handle h, IdempotencyKey key) {
        return h.createQuery("SELECT * FROM domain_operation WHERE operation_key = :key")
                .bind("key", key.value()).map(DomainOperationStore::map).findOne();
    }

    /** The operations still open (RECORDED, HELD or UNSETTLED) on a domain, oldest first. */
    public List<DomainOperation> openOn(DomainName domain) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain_operation WHERE domain = :domain "
                        + "AND state IN ('RECORDED', 'HELD', 'UNSETTLED') ORDER BY created_at")
                .bind("domain", domain.ascii()).map(DomainOperationStore::map).list());
    }

    /** Every operation on a domain, newest first. */
    public List<DomainOperation> on(DomainName domain) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain_operation WHERE domain = :domain "
                        + "ORDER BY created_at DESC, operation_key")
                .bind("domain", domain.ascii()).map(DomainOperationStore::map).list());
    }

    /** The store of domain records that transitions write to. */
    public DomainStore domains() {
        return records.domains();
    }

    public List<DomainOperation> inState(OperationState state) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain_operation WHERE state = :state ORDER BY created_at")
                .bind("state", state.name()).map(DomainOperationStore::map).list());
    }

    /**
     * What a janitor has to settle: every UNSETTLED operation, and RECORDED or HELD ones not touched
     * since {@code staleBefore} (their process died, or is still waiting for the registry).
     */
    List<DomainOperation> toSettle(Instant staleBefore, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM domain_operation WHERE state = 'UNSETTLED' "
                        + "OR (state IN ('RECORDED', 'HELD') AND updated_at <= :stale) ORDER BY updated_at LIMIT :limit")
                .bind("stale", staleBefore.toEpochMilli()).bind("limit", limit)
                .map(DomainOperationStore::map).list());
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH);
    }

    private static DomainOperation map(ResultSet rs, StatementContext ctx) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        String status = rs.getString("outcome_status");
        return new DomainOperation(IdempotencyKey.of(rs.getString("operation_key")), rs.getString("customer_id"),
                DomainName.of(rs.getString("domain")), ChargeKind.valueOf(rs.getString("kind")), rs.getString("period"),
                Money.ofMinor(rs.getLong("amount_minor"), currency), rs.getString("funding_source_id"),
                rs.getString("registry_id"), OperationState.valueOf(rs.getString("state")),
                status == null ? null : OutcomeStatus.valueOf(status), rs.getString("outcome_code"),
                rs.getString("outcome_message"), rs.getString("registry_reference"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    /** What is recorded of an answer: the registry's, or the host's own reason. */
    record OutcomeInfo(OutcomeStatus status, String code, String message, String reference, Object value) {

        OutcomeInfo(OutcomeStatus status, String code, String message, String reference) {
            this(status, code, message, reference, null);
        }

        static OutcomeInfo of(org.kontor.api.outcome.Outcome<?> outcome) {
            return new OutcomeInfo(outcome.status(), outcome.code(), outcome.message(), outcome.reference(), outcome.value());
        }

        static OutcomeInfo host(String code, String message) {
            return new OutcomeInfo(null, code, message, null);
        }
    }
}
