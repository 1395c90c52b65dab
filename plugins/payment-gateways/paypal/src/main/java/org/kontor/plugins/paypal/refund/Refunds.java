package org.kontor.plugins.paypal.refund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/** The plugin's refunds table. */
public final class Refunds {

    private final Jdbi jdbi;
    private final Clock clock;

    public Refunds(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records the intent to refund under {@code key}; the row under the key, new or earlier. */
    public RefundRow intent(IdempotencyKey key, String orderId, String captureId, Money amount, String requestBody) {
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO payment_paypal_refund (request_key, order_id, capture_id, "
                        + "amount_minor, currency, request_body, created_at, updated_at) VALUES (:key, :order, :capture, "
                        + ":amount, :currency, :body, :now, :now) ON CONFLICT (request_key) DO NOTHING")
                .bind("key", key.value()).bind("order", orderId).bind("capture", captureId)
                .bind("amount", amount.toMinorUnits()).bind("currency", amount.currencyCode()).bind("body", requestBody)
                .bind("now", now).execute());
        return byKey(key.value()).orElseThrow();
    }

    public Optional<RefundRow> byKey(String key) {
        return one("request_key", key);
    }

    public Optional<RefundRow> byRefundId(String refundId) {
        return one("refund_id", refundId);
    }

    /** What PayPal said of the refund: its id (null when none) and status. */
    public RefundRow answered(IdempotencyKey key, String refundId, String status) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE payment_paypal_refund SET refund_id = COALESCE(:refund, refund_id), "
                        + "status = :status, updated_at = :now WHERE request_key = :key")
                .bind("refund", refundId).bind("status", status).bind("now", clock.millis()).bind("key", key.value())
                .execute());
        return byKey(key.value()).orElseThrow();
    }

    private Optional<RefundRow> one(String column, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment_paypal_refund WHERE " + column + " = :value")
                .bind("value", value).map((rs, ctx) -> map(rs)).findOne());
    }

    private static RefundRow map(ResultSet rs) throws SQLException {
        return new RefundRow(IdempotencyKey.of(rs.getString("request_key")), rs.getString("order_id"),
                rs.getString("capture_id"), Money.ofMinor(rs.getLong("amount_minor"),
                Currency.getInstance(rs.getString("currency"))), rs.getString("request_body"),
                rs.getString("refund_id"), rs.getString("status"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
