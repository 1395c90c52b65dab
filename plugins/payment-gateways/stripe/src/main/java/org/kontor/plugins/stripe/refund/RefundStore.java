package org.kontor.plugins.stripe.refund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/** The refunds in {@code payment_stripe_refund}; every write is one short transaction of its own. */
public final class RefundStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public RefundStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @return false when the key was recorded before */
    public boolean insert(IdempotencyKey key, String paymentReference, String paymentIntent, String form, Money amount) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO payment_stripe_refund (idempotency_key, "
                        + "payment_reference, payment_intent, request_form, amount_minor, currency, created_at, updated_at) "
                        + "VALUES (:key, :reference, :intent, :form, :amount, :currency, :now, :now) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING")
                .bind("key", key.value()).bind("reference", paymentReference).bind("intent", paymentIntent)
                .bind("form", form).bind("amount", amount.toMinorUnits()).bind("currency", amount.currencyCode())
                .bind("now", now).execute()) == 1;
    }

    public void learnt(IdempotencyKey key, String refundId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE payment_stripe_refund SET refund_id = COALESCE(refund_id, :refund), "
                        + "updated_at = :now WHERE idempotency_key = :key")
                .bind("refund", refundId).bind("now", clock.millis()).bind("key", key.value()).execute());
    }

    public void refused(IdempotencyKey key, String code, String message) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE payment_stripe_refund SET error_code = :code, error_message = :message, "
                        + "updated_at = :now WHERE idempotency_key = :key")
                .bind("code", code).bind("message", message).bind("now", clock.millis()).bind("key", key.value())
                .execute());
    }

    public Optional<RefundRecord> byKey(IdempotencyKey key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment_stripe_refund WHERE idempotency_key = :key")
                .bind("key", key.value()).map((rs, ctx) -> map(rs)).findOne());
    }

    private static RefundRecord map(ResultSet rs) throws SQLException {
        return new RefundRecord(IdempotencyKey.of(rs.getString("idempotency_key")), rs.getString("payment_reference"),
                rs.getString("payment_intent"), rs.getString("request_form"),
                Money.ofMinor(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("refund_id"), rs.getString("error_code"), rs.getString("error_message"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
