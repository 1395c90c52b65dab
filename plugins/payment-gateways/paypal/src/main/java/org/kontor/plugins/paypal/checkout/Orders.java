package org.kontor.plugins.paypal.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/** The plugin's orders table: the host's key, PayPal's order and capture, and what became of them. */
public final class Orders {

    private final Jdbi jdbi;
    private final Clock clock;

    public Orders(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records the intent to create an order under {@code key}; the row under the key, new or earlier. */
    public OrderRow intent(IdempotencyKey key, String paymentId, Money amount, String requestBody) {
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO payment_paypal_order (request_key, payment_id, amount_minor, "
                        + "currency, request_body, created_at, updated_at) VALUES (:key, :payment, :amount, :currency, "
                        + ":body, :now, :now) ON CONFLICT (request_key) DO NOTHING")
                .bind("key", key.value()).bind("payment", paymentId).bind("amount", amount.toMinorUnits())
                .bind("currency", amount.currencyCode()).bind("body", requestBody).bind("now", now).execute());
        return byKey(key.value()).orElseThrow();
    }

    public Optional<OrderRow> byKey(String key) {
        return one("request_key", key);
    }

    public Optional<OrderRow> byOrderId(String orderId) {
        return one("order_id", orderId);
    }

    public Optional<OrderRow> byCaptureId(String captureId) {
        return one("capture_id", captureId);
    }

    /** PayPal created the order. */
    public void created(IdempotencyKey key, String orderId, String status, String approveUrl) {
        update("UPDATE payment_paypal_order SET order_id = :order, order_status = :status, "
                + "approve_url = COALESCE(:approve, approve_url), updated_at = :now WHERE request_key = :key", key,
                "order", orderId, "status", status, "approve", approveUrl);
    }

    public void orderStatus(IdempotencyKey key, String status) {
        update("UPDATE payment_paypal_order SET order_status = :status, updated_at = :now WHERE request_key = :key", key,
                "status", status);
    }

    /** The capture PayPal made, in its latest status. */
    public void captured(IdempotencyKey key, String captureId, String status) {
        update("UPDATE payment_paypal_order SET capture_id = COALESCE(:capture, capture_id), capture_status = :status, "
                + "updated_at = :now WHERE request_key = :key", key, "capture", captureId, "status", status);
    }

    /** The host was told the payment ended without money: the order is never captured from now on. */
    public void abandon(IdempotencyKey key) {
        update("UPDATE payment_paypal_order SET abandoned = 1, updated_at = :now WHERE request_key = :key", key);
    }

    /** Serialises work on the order of a capture with the row's write lock, in the caller's transaction. */
    public static void lockCapture(Handle h, String captureId) {
        h.createUpdate("UPDATE payment_paypal_order SET updated_at = updated_at WHERE capture_id = :capture")
                .bind("capture", captureId).execute();
    }

    private void update(String sql, IdempotencyKey key, String... binds) {
        jdbi.useHandle(h -> {
            var update = h.createUpdate(sql).bind("key", key.value()).bind("now", clock.millis());
            for (int i = 0; i < binds.length; i += 2) {
                update.bind(binds[i], binds[i + 1]);
            }
            update.execute();
        });
    }

    private Optional<OrderRow> one(String column, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment_paypal_order WHERE " + column + " = :value")
                .bind("value", value).map((rs, ctx) -> map(rs)).findOne());
    }

    private static OrderRow map(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new OrderRow(IdempotencyKey.of(rs.getString("request_key")), rs.getString("payment_id"),
                Money.ofMinor(rs.getLong("amount_minor"), currency), rs.getString("request_body"),
                rs.getString("order_id"), rs.getString("order_status"), rs.getString("approve_url"),
                rs.getString("capture_id"), rs.getString("capture_status"), rs.getInt("abandoned") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
