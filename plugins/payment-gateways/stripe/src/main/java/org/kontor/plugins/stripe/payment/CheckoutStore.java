package org.kontor.plugins.stripe.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

/** The purchases in {@code payment_stripe_checkout}; every write is one short transaction of its own. */
public final class CheckoutStore {

    private final Jdbi jdbi;
    private final Clock clock;

    public CheckoutStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records a purchase before it is sent.
     *
     * @return false when the key was recorded before (read that record instead)
     */
    public boolean insert(IdempotencyKey key, CheckoutRecord.Kind kind, String form, Money amount) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO payment_stripe_checkout (idempotency_key, kind, "
                        + "request_form, amount_minor, currency, created_at, updated_at) VALUES (:key, :kind, :form, "
                        + ":amount, :currency, :now, :now) ON CONFLICT (idempotency_key) DO NOTHING")
                .bind("key", key.value()).bind("kind", kind.name()).bind("form", form)
                .bind("amount", amount.toMinorUnits()).bind("currency", amount.currencyCode()).bind("now", now)
                .execute()) == 1;
    }

    /** Records what Stripe answered or what a notification told: ids learnt are kept, later ones fill the gaps. */
    public void learnt(IdempotencyKey key, String sessionId, String paymentIntent, String redirectUrl) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE payment_stripe_checkout SET "
                        + "session_id = COALESCE(session_id, :session), payment_intent = COALESCE(payment_intent, :intent), "
                        + "redirect_url = COALESCE(:redirect, redirect_url), updated_at = :now WHERE idempotency_key = :key")
                .bind("session", sessionId).bind("intent", paymentIntent).bind("redirect", redirectUrl)
                .bind("now", clock.millis()).bind("key", key.value()).execute());
    }

    /** Records Stripe's refusal of the purchase. */
    public void refused(IdempotencyKey key, String code, String message) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE payment_stripe_checkout SET error_code = :code, error_message = "
                        + ":message, updated_at = :now WHERE idempotency_key = :key")
                .bind("code", code).bind("message", message).bind("now", clock.millis()).bind("key", key.value())
                .execute());
    }

    public Optional<CheckoutRecord> byKey(IdempotencyKey key) {
        return find("idempotency_key = :value", key.value());
    }

    /** By the payment's reference: the session's or the PaymentIntent's id. */
    public Optional<CheckoutRecord> byReference(String reference) {
        return find("session_id = :value", reference).or(() -> byPaymentIntent(reference));
    }

    public Optional<CheckoutRecord> byPaymentIntent(String paymentIntent) {
        return find("payment_intent = :value", paymentIntent);
    }

    private Optional<CheckoutRecord> find(String condition, String value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM payment_stripe_checkout WHERE " + condition)
                .bind("value", value).map((rs, ctx) -> map(rs)).findOne());
    }

    private static CheckoutRecord map(ResultSet rs) throws SQLException {
        return new CheckoutRecord(IdempotencyKey.of(rs.getString("idempotency_key")),
                CheckoutRecord.Kind.valueOf(rs.getString("kind")), rs.getString("request_form"),
                Money.ofMinor(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("session_id"), rs.getString("payment_intent"), rs.getString("redirect_url"),
                rs.getString("error_code"), rs.getString("error_message"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
