package org.kontor.host.addons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;

/** The booked add-on services ({@code addon_service}) and the calls made for them ({@code addon_service_operation}). */
public final class AddonServiceStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;

    public AddonServiceStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Inserts a service unless its order line booked one already; the line's service either way. */
    public AddonService insert(Handle h, AddonService service) {
        h.createUpdate("INSERT INTO addon_service (id, customer_id, product_id, domain, order_id, line_no, state, "
                        + "started_at, renews_at, provisioner_id, plan, details, updated_at) VALUES (:id, :customer, "
                        + ":product, :domain, :order, :line, :state, :started, :renews, :provisioner, :plan, '{}', :now) "
                        + "ON CONFLICT (order_id, line_no) DO NOTHING")
                .bind("id", service.id()).bind("customer", service.customerId()).bind("product", service.productId())
                .bind("domain", service.domain()).bind("order", service.orderId()).bind("line", service.lineNo())
                .bind("state", service.state().name()).bind("started", service.startedAt().toEpochMilli())
                .bind("renews", service.renewsAt().toEpochMilli()).bind("provisioner", service.provisionerId())
                .bind("plan", service.plan()).bind("now", clock.millis()).execute();
        return byLine(h, service.orderId(), service.lineNo()).orElseThrow();
    }

    public Optional<AddonService> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<AddonService> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM addon_service WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> service(rs)).findOne();
    }

    public Optional<AddonService> byLine(String orderId, int lineNo) {
        return jdbi.withHandle(h -> byLine(h, orderId, lineNo));
    }

    private Optional<AddonService> byLine(Handle h, String orderId, int lineNo) {
        return h.createQuery("SELECT * FROM addon_service WHERE order_id = :order AND line_no = :line")
                .bind("order", orderId).bind("line", lineNo).map((rs, ctx) -> service(rs)).findOne();
    }

    /** A customer's services, oldest first. */
    public List<AddonService> ofCustomer(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_service WHERE customer_id = :customer "
                        + "ORDER BY started_at, id").bind("customer", customerId).map((rs, ctx) -> service(rs)).list());
    }

    /** The services of an order. */
    public List<AddonService> ofOrder(String orderId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_service WHERE order_id = :order ORDER BY line_no")
                .bind("order", orderId).map((rs, ctx) -> service(rs)).list());
    }

    /** The newest services, optionally of one state, for the admin. */
    public List<AddonService> latest(ServiceState state, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_service "
                        + (state == null ? "" : "WHERE state = :state ") + "ORDER BY started_at DESC, id LIMIT " + limit)
                .bind("state", state == null ? null : state.name()).map((rs, ctx) -> service(rs)).list());
    }

    /** Active services whose customer's cancellation is due. */
    public List<AddonService> dueCancellations(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_service WHERE state IN ('ACTIVE', 'SUSPENDED') "
                        + "AND cancel_at IS NOT NULL AND cancel_at <= :now ORDER BY cancel_at LIMIT " + limit)
                .bind("now", now.toEpochMilli()).map((rs, ctx) -> service(rs)).list());
    }

    /** Moves a service from one of {@code from} to {@code to}; whether it moved. */
    public boolean transition(Handle h, String id, Collection<ServiceState> from, ServiceState to, String note) {
        return h.createUpdate("UPDATE addon_service SET state = :to, note = :note, updated_at = :now WHERE id = :id "
                        + "AND state IN (<from>)")
                .bind("to", to.name()).bind("note", note).bind("now", clock.millis()).bind("id", id)
                .bindList("from", from.stream().map(Enum::name).toList()).execute() == 1;
    }

    public void setCreated(Handle h, String id, String remoteReference, Map<String, String> details) {
        h.createUpdate("UPDATE addon_service SET remote_reference = COALESCE(:reference, remote_reference), "
                        + "details = :details, updated_at = :now WHERE id = :id")
                .bind("reference", remoteReference).bind("details", json(details)).bind("now", clock.millis())
                .bind("id", id).execute();
    }

    public void setPlan(Handle h, String id, String productId, String plan) {
        h.createUpdate("UPDATE addon_service SET product_id = :product, plan = :plan, updated_at = :now WHERE id = :id")
                .bind("product", productId).bind("plan", plan).bind("now", clock.millis()).bind("id", id).execute();
    }

    public void setSuspendedFor(Handle h, String id, String suspendedFor) {
        h.createUpdate("UPDATE addon_service SET suspended_for = :why, updated_at = :now WHERE id = :id")
                .bind("why", suspendedFor).bind("now", clock.millis()).bind("id", id).execute();
    }

    public void setCancelAt(Handle h, String id, Instant cancelAt) {
        h.createUpdate("UPDATE addon_service SET cancel_at = :at, updated_at = :now WHERE id = :id")
                .bind("at", cancelAt == null ? null : cancelAt.toEpochMilli()).bind("now", clock.millis())
                .bind("id", id).execute();
    }

    /** The next sequence number of an action on a service (1 for the first). */
    public int nextSeq(Handle h, String serviceId, ServiceAct action) {
        return h.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM addon_service_operation WHERE service_id = :id "
                        + "AND action = :action").bind("id", serviceId).bind("action", action.name())
                .mapTo(Integer.class).one();
    }

    public void insertOperation(Handle h, ServiceOperation operation) {
        h.createUpdate("INSERT INTO addon_service_operation (op_key, service_id, action, seq, reason, target_product_id, "
                        + "state, attempts, next_attempt_at, created_at, updated_at) VALUES (:key, :service, :action, :seq, "
                        + ":reason, :target, :state, 0, :next, :now, :now)")
                .bind("key", operation.key().value()).bind("service", operation.serviceId())
                .bind("action", operation.action().name()).bind("seq", operation.seq()).bind("reason", operation.reason())
                .bind("target", operation.targetProductId()).bind("state", operation.state().name())
                .bind("next", operation.nextAttemptAt().toEpochMilli()).bind("now", operation.createdAt().toEpochMilli())
                .execute();
    }

    public Optional<ServiceOperation> operation(IdempotencyKey key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_service_operation WHERE op_key = :key")
                .bind("key", key.value()).map((rs, ctx) -> operation(rs)).findOne());
    }

    public List<ServiceOperation> operationsOf(String serviceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM addon_service_operation WHERE service_id = :id "
                + "ORDER BY created_at, seq").bind("id", serviceId).map((rs, ctx) -> operation(rs)).list());
    }

    /** Operations not final yet of a service. */
    public List<ServiceOperation> openOperationsOf(Handle h, String serviceId) {
        return h.createQuery("SELECT * FROM addon_service_operation WHERE service_id = :id AND state IN ('OPEN', 'PENDING') "
                + "ORDER BY created_at").bind("id", serviceId).map((rs, ctx) -> operation(rs)).list();
    }

    /** Operations the job is to send or ask about now, oldest first. */
    public List<IdempotencyKey> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT op_key FROM addon_service_operation WHERE state IN ('OPEN', "
                        + "'PENDING') AND next_attempt_at <= :now ORDER BY next_attempt_at, created_at LIMIT " + limit)
                .bind("now", now.toEpochMilli()).mapTo(String.class).map(IdempotencyKey::of).list());
    }

    /**
     * Claims a due operation for one call: counts the attempt and moves its next attempt to {@code leaseUntil}, so that
     * no other worker sends it meanwhile. Whether this caller got it.
     */
    public boolean claim(IdempotencyKey key, Instant now, Instant leaseUntil) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE addon_service_operation SET attempts = attempts + 1, "
                        + "next_attempt_at = :lease, updated_at = :now WHERE op_key = :key AND state IN ('OPEN', 'PENDING') "
                        + "AND next_attempt_at <= :now")
                .bind("lease", leaseUntil.toEpochMilli()).bind("now", now.toEpochMilli()).bind("key", key.value())
                .execute() == 1);
    }

    /** Makes an open or pending operation due now (staff asked for it). */
    public boolean dueNow(IdempotencyKey key) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE addon_service_operation SET next_attempt_at = :now, "
                        + "updated_at = :now WHERE op_key = :key AND state IN ('OPEN', 'PENDING')")
                .bind("now", clock.millis()).bind("key", key.value()).execute() == 1);
    }

    /** Records an answer; a final state only from an open one. */
    public boolean recordOutcome(Handle h, IdempotencyKey key, ServiceOperation.State state, OutcomeStatus status,
                                 String code, String message, String reference, Instant nextAttemptAt) {
        return h.createUpdate("UPDATE addon_service_operation SET state = :state, outcome_status = :status, "
                        + "outcome_code = :code, outcome_message = :message, remote_reference = COALESCE(:reference, "
                        + "remote_reference), next_attempt_at = :next, updated_at = :now WHERE op_key = :key "
                        + "AND state IN ('OPEN', 'PENDING')")
                .bind("state", state.name()).bind("status", status == null ? null : status.name()).bind("code", code)
                .bind("message", message == null ? null : message.length() > 1000 ? message.substring(0, 1000) : message)
                .bind("reference", reference).bind("next", nextAttemptAt.toEpochMilli()).bind("now", clock.millis())
                .bind("key", key.value()).execute() == 1;
    }

    private static AddonService service(ResultSet rs) throws SQLException {
        long cancelAt = rs.getLong("cancel_at");
        boolean noCancel = rs.wasNull();
        return new AddonService(rs.getString("id"), rs.getString("customer_id"), rs.getString("product_id"),
                rs.getString("domain"), rs.getString("order_id"), rs.getInt("line_no"),
                ServiceState.valueOf(rs.getString("state")), rs.getString("provisioner_id"), rs.getString("plan"),
                rs.getString("remote_reference"), details(rs.getString("details")), rs.getString("note"),
                rs.getString("suspended_for"), noCancel ? null : Instant.ofEpochMilli(cancelAt),
                Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("renews_at")));
    }

    private static ServiceOperation operation(ResultSet rs) throws SQLException {
        String status = rs.getString("outcome_status");
        return new ServiceOperation(IdempotencyKey.of(rs.getString("op_key")), rs.getString("service_id"),
                ServiceAct.valueOf(rs.getString("action")), rs.getInt("seq"), rs.getString("reason"),
                rs.getString("target_product_id"), ServiceOperation.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                status == null ? null : OutcomeStatus.valueOf(status), rs.getString("outcome_code"),
                rs.getString("outcome_message"), rs.getString("remote_reference"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static Map<String, String> details(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<java.util.LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String json(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(details == null ? Map.of() : new java.util.TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
