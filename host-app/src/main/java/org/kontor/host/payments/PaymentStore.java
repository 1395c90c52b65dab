package org.kontor.host.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;

/**
 * The {@code payment} table. Status changes are conditional: only a PENDING or UNDEFINED row changes, so a late or
 * repeated answer never overwrites a final one, and of two racing answers exactly one wins.
 */
public final class PaymentStore {

    private static final String OPEN = "status IN ('PENDING', 'UNDEFINED')";

    private final Jdbi jdbi;
    private final Clock clock;

    public PaymentStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Writes a new row in the caller's transaction, in {@code status}. */
    void insert(Handle h, NewPayment p, OutcomeStatus status, Instant nextCheckAt) {
        long now = clock.millis();
        h.createUpdate("INSERT INTO payment (id, kind, purpose, target_id, customer_id, gateway_id, method, amount_minor, "
                        + "currency, idempotency_key, request_key, status, refund_of, reason, next_check_at, created_at, "
                        + "updated_at, settled_at) VALUES (:id, :kind, :purpose, :target, :customer, :gateway, :method, "
                        + ":amount, :currency, :key, :request, :status, :refundOf, :reason, :next, :now, :now, :settled)")
                .bind("id", p.id()).bind("kind", p.kind().name()).bind("purpose", p.purpose().name())
                .bind("target", p.targetId()).bind("customer", p.customerId()).bind("gateway", p.gatewayId())
                .bind("method", p.method()).bind("amount", p.amount().toMinorUnits())
                .bind("currency", p.amount().currencyCode()).bind("key", p.key()).bind("request", p.requestKey())
                .bind("status", status.name()).bind("refundOf", p.refundOf()).bind("reason", p.reason())
                .bind("next", nextCheckAt == null ? null : nextCheckAt.toEpochMilli()).bind("now", now)
                .bind("settled", status.isUnsettled() ? null : now)
                .execute();
    }

    /**
     * Writes a reversal of {@code original} in the caller's transaction, processed at once: what the provider took
     * back, under the key that names the provider's notification. The caller holds the original's lock and has checked
     * the amount against what is left of it.
     */
    void insertReversal(Handle h, String id, Payment original, Money amount, String key, String reference, String reason) {
        long now = clock.millis();
        h.createUpdate("INSERT INTO payment (id, kind, purpose, target_id, customer_id, gateway_id, method, amount_minor, "
                        + "currency, idempotency_key, status, provider_reference, refund_of, reversal, reason, "
                        + "created_at, updated_at, settled_at) VALUES (:id, 'REFUND', :purpose, :target, :customer, "
                        + ":gateway, :method, :amount, :currency, :key, 'PROCESSED', :reference, :refundOf, 1, :reason, "
                        + ":now, :now, :now)")
                .bind("id", id).bind("purpose", original.purpose().name()).bind("target", original.targetId())
                .bind("customer", original.customerId()).bind("gateway", original.gatewayId())
                .bind("method", original.method()).bind("amount", amount.toMinorUnits())
                .bind("currency", amount.currencyCode()).bind("key", key).bind("reference", reference)
                .bind("refundOf", original.id()).bind("reason", reason).bind("now", now)
                .execute();
    }

    /** A reversal recorded under {@code key}, if any. */
    Optional<Payment> findByKey(Handle h, String key) {
        return h.createQuery("SELECT * FROM payment WHERE idempotency_key = :key").bind("key", key)
                .map(PaymentStore::map).findOne();
    }

    public Optional<Payment> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Payment> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM payment WHERE id = :id").bind("id", id).map(PaymentStore::map).findOne();
    }

    public Optional<Payment> findByRequestKey(String requestKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment WHERE request_key = :key")
                .bind("key", requestKey).map(PaymentStore::map).findOne());
    }

    /** The payment a gateway's notification names: by the provider's reference, or by the key the gateway got. */
    public Optional<Payment> findByReference(String gatewayId, String reference) {
        // two queries, so that each uses its index (an OR of the two columns scans the gateway's payments)
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment WHERE gateway_id = :gateway "
                        + "AND provider_reference = :reference ORDER BY created_at LIMIT 1")
                .bind("gateway", gatewayId).bind("reference", reference).map(PaymentStore::map).findOne()
                .or(() -> h.createQuery("SELECT * FROM payment WHERE idempotency_key = :reference "
                                + "AND gateway_id = :gateway")
                        .bind("gateway", gatewayId).bind("reference", reference).map(PaymentStore::map).findOne()));
    }

    /**
     * Records what the gateway said about an open payment; nothing changes when it is settled already.
     *
     * @return whether the row changed
     */
    boolean record(Handle h, String id, OutcomeStatus status, String reference, String redirectUrl, String instructions,
                   String message, Instant nextCheckAt) {
        return record(h, id, status, reference, redirectUrl, instructions, message, nextCheckAt, null);
    }

    /** {@link #record} that also keeps the fingerprint of the card the gateway reported, when it names one. */
    boolean record(Handle h, String id, OutcomeStatus status, String reference, String redirectUrl, String instructions,
                   String message, Instant nextCheckAt, String cardFingerprint) {
        long now = clock.millis();
        return h.createUpdate("UPDATE payment SET status = :status, "
                        + "provider_reference = COALESCE(:reference, provider_reference), "
                        + "redirect_url = COALESCE(:redirect, redirect_url), "
                        + "instructions = COALESCE(:instructions, instructions), message = :message, "
                        + "card_fingerprint = COALESCE(:fingerprint, card_fingerprint), "
                        + "attempts = attempts + 1, next_check_at = :next, updated_at = :now, settled_at = :settled "
                        + "WHERE id = :id AND " + OPEN)
                .bind("fingerprint", cardFingerprint)
                .bind("status", status.name()).bind("reference", reference).bind("redirect", redirectUrl)
                .bind("instructions", instructions).bind("message", message)
                .bind("next", nextCheckAt == null ? null : nextCheckAt.toEpochMilli()).bind("now", now)
                .bind("settled", status.isUnsettled() ? null : now).bind("id", id)
                .execute() == 1;
    }

    /** Leaves an open payment open and asks again at {@code nextCheckAt}. */
    void postpone(String id, Instant nextCheckAt, String message) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE payment SET attempts = attempts + 1, next_check_at = :next, "
                        + "message = COALESCE(:message, message), updated_at = :now WHERE id = :id AND " + OPEN)
                .bind("next", nextCheckAt.toEpochMilli()).bind("message", message).bind("now", clock.millis())
                .bind("id", id).execute());
    }

    /** Flips {@code applied} of a processed payment; true for exactly one caller. */
    boolean markApplied(Handle h, String id, String message) {
        return h.createUpdate("UPDATE payment SET applied = 1, message = COALESCE(:message, message), updated_at = :now "
                        + "WHERE id = :id AND status = 'PROCESSED' AND applied = 0")
                .bind("message", message).bind("now", clock.millis()).bind("id", id).execute() == 1;
    }

    /** Serialises work on a payment (its refunds) with the row's write lock. */
    void lock(Handle h, String id) {
        h.createUpdate("UPDATE payment SET updated_at = updated_at WHERE id = :id").bind("id", id).execute();
    }

    /** What refunds of a payment took or may still take: processed and open refunds together. */
    Money refunded(Handle h, Payment payment) {
        long minor = h.createQuery("SELECT COALESCE(SUM(amount_minor), 0) FROM payment WHERE refund_of = :id "
                        + "AND status IN ('PROCESSED', 'PENDING', 'UNDEFINED')")
                .bind("id", payment.id()).mapTo(Long.class).one();
        return Money.ofMinor(minor, payment.amount().currency());
    }

    /** Open payments due for a question to their gateway, oldest first. */
    List<Payment> dueForCheck(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment WHERE " + OPEN + " AND gateway_id <> 'manual' "
                        + "AND next_check_at IS NOT NULL AND next_check_at <= :now ORDER BY next_check_at LIMIT :limit")
                .bind("now", now.toEpochMilli()).bind("limit", limit).map(PaymentStore::map).list());
    }

    /** Processed payments whose effect is not carried out yet (a host stopped in between). */
    List<Payment> processedUnapplied(Instant settledBefore, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment WHERE status = 'PROCESSED' AND applied = 0 "
                        + "AND settled_at <= :before ORDER BY settled_at LIMIT :limit")
                .bind("before", settledBefore.toEpochMilli()).bind("limit", limit).map(PaymentStore::map).list());
    }

    public List<Payment> ofCustomer(String customerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment WHERE customer_id = :customer "
                        + "ORDER BY created_at DESC").bind("customer", customerId).map(PaymentStore::map).list());
    }

    /** The payments of one target (an order, an invoice, a top-up), oldest first. */
    public List<Payment> ofTarget(PaymentPurpose purpose, String targetId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment WHERE purpose = :purpose AND target_id = :target "
                        + "ORDER BY created_at").bind("purpose", purpose.name()).bind("target", targetId)
                .map(PaymentStore::map).list());
    }

    /** The operator's overview, newest first. */
    public List<Payment> search(PaymentFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM payment WHERE 1 = 1");
        List<Object[]> binds = new ArrayList<>();
        add(sql, binds, "status", filter.status() == null ? null : filter.status().name());
        add(sql, binds, "gateway_id", filter.gatewayId());
        add(sql, binds, "purpose", filter.purpose() == null ? null : filter.purpose().name());
        add(sql, binds, "kind", filter.kind() == null ? null : filter.kind().name());
        add(sql, binds, "customer_id", filter.customerId());
        if (filter.from() != null) {
            sql.append(" AND created_at >= :fromAt");
            binds.add(new Object[] {"fromAt", filter.from().toEpochMilli()});
        }
        if (filter.to() != null) {
            sql.append(" AND created_at < :toAt");
            binds.add(new Object[] {"toAt", filter.to().toEpochMilli()});
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind("limit", filter.limit());
            binds.forEach(bind -> query.bind((String) bind[0], bind[1]));
            return query.map(PaymentStore::map).list();
        });
    }

    /**
     * One group of the operator's summary: the payments or refunds of one gateway in one status and currency.
     *
     * @param total the amounts together
     */
    public record SummaryRow(String gatewayId, PaymentKind kind, OutcomeStatus status, Money total, long count) {
    }

    /**
     * The payments and refunds of a period by gateway, kind, status and currency (PAY-1). A settled payment counts in
     * the period it was settled in (a bank transfer arrives days after it was asked for), an open one in the period it
     * was started in. It reads the payments of the period without an index on {@code settled_at}, which every status
     * change of a payment would have to maintain; the report is rare.
     */
    public List<SummaryRow> summary(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT gateway_id, kind, status, currency, COUNT(*) AS n, "
                        + "SUM(amount_minor) AS total FROM payment WHERE (settled_at >= :fromAt AND settled_at < :toAt) "
                        + "OR (settled_at IS NULL AND created_at >= :fromAt AND created_at < :toAt) "
                        + "GROUP BY gateway_id, kind, status, currency ORDER BY gateway_id, kind, status, currency")
                .bind("fromAt", from.toEpochMilli()).bind("toAt", to.toEpochMilli())
                .map((rs, ctx) -> new SummaryRow(rs.getString("gateway_id"), PaymentKind.valueOf(rs.getString("kind")),
                        OutcomeStatus.valueOf(rs.getString("status")),
                        Money.ofMinor(rs.getLong("total"), Currency.getInstance(rs.getString("currency"))),
                        rs.getLong("n")))
                .list());
    }

    private static void add(StringBuilder sql, List<Object[]> binds, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = :").append(column);
            binds.add(new Object[] {column, value});
        }
    }

    static Payment map(ResultSet rs, StatementContext ctx) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new Payment(rs.getString("id"), PaymentKind.valueOf(rs.getString("kind")),
                PaymentPurpose.valueOf(rs.getString("purpose")), rs.getString("target_id"), rs.getString("customer_id"),
                rs.getString("gateway_id"), rs.getString("method"), Money.ofMinor(rs.getLong("amount_minor"), currency),
                IdempotencyKey.of(rs.getString("idempotency_key")), OutcomeStatus.valueOf(rs.getString("status")),
                rs.getString("provider_reference"), rs.getString("redirect_url"), rs.getString("instructions"),
                rs.getString("message"), rs.getString("refund_of"), rs.getInt("applied") == 1, rs.getInt("attempts"),
                instant(rs, "next_check_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "settled_at"), rs.getInt("reversal") == 1, rs.getString("reason"),
                rs.getString("card_fingerprint"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
