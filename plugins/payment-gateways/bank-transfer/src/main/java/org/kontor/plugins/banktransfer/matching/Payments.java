package org.kontor.plugins.banktransfer.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.plugins.banktransfer.reference.PaymentReference;

/** The payments awaited by bank transfer, in {@code payment_bank_transfer_payment}. */
public final class Payments {

    static final String COLUMNS = "id, idempotency_key, seq, customer_id, kontor_reference, scheme, reference_key, "
            + "reference_shown, amount_minor, currency, state, paid_minor, created_at, paid_at";

    private final Jdbi jdbi;
    private final Clock clock;

    public Payments(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Records a payment once per idempotency key: the same key again returns the payment recorded first.
     *
     * @param reference the reference for the payment's number; {@code seq} is its own number, for payments that bring
     *                  none (the gateway passes {@code seq -> references.forNumber(currency, seq)})
     * @param number    the payment's stable number, or null to number it with its sequence
     */
    public Payment create(IdempotencyKey key, String customerId, String kontorReference, Money amount, Long number,
                          LongFunction<PaymentReference> reference) {
        for (int attempt = 1; ; attempt++) {
            try {
                return createOnce(key, customerId, kontorReference, amount, number, reference);
            } catch (UnableToExecuteStatementException e) {
                // A concurrent purchase recorded the same key first.
                Optional<Payment> recorded = byKey(key);
                if (recorded.isPresent()) {
                    return recorded.get();
                }
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Payment createOnce(IdempotencyKey key, String customerId, String kontorReference, Money amount, Long number,
                               LongFunction<PaymentReference> reference) {
        return jdbi.inTransaction(h -> {
            Optional<Payment> existing = byKey(h, key.value());
            if (existing.isPresent()) {
                return existing.get();
            }
            h.createUpdate("UPDATE payment_bank_transfer_counter SET value = value + 1 WHERE name = 'payment'").execute();
            // Under the counter's lock a concurrent purchase with the same key has committed or not started.
            Optional<Payment> recorded = byKey(h, key.value());
            if (recorded.isPresent()) {
                return recorded.get();
            }
            long seq = h.createQuery("SELECT value FROM payment_bank_transfer_counter WHERE name = 'payment'")
                    .mapTo(Long.class).one();
            PaymentReference ref = reference.apply(number == null ? seq : number);
            String id = String.format(Locale.ROOT, "BT-%06d", seq);
            h.createUpdate("INSERT INTO payment_bank_transfer_payment (" + COLUMNS + ") VALUES (:id, :key, :seq, :customer, "
                            + ":kontorReference, :scheme, :referenceKey, :referenceShown, :amount, :currency, 'PENDING', 0, "
                            + ":now, NULL)")
                    .bind("id", id).bind("key", key.value()).bind("seq", seq).bind("customer", customerId)
                    .bind("kontorReference", kontorReference).bind("scheme", ref.scheme().name())
                    .bind("referenceKey", ref.key()).bind("referenceShown", ref.display())
                    .bind("amount", amount.toMinorUnits()).bind("currency", amount.currencyCode())
                    .bind("now", clock.millis())
                    .execute();
            return byId(h, id).orElseThrow();
        });
    }

    public Optional<Payment> byKey(IdempotencyKey key) {
        return jdbi.withHandle(h -> byKey(h, key.value()));
    }

    public Optional<Payment> byId(String id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    static Optional<Payment> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_bank_transfer_payment WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> payment(rs)).findOne();
    }

    static Optional<Payment> byKey(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_bank_transfer_payment WHERE idempotency_key = :key")
                .bind("key", key).map((rs, ctx) -> payment(rs)).findOne();
    }

    /** Every payment with the reference, oldest first. */
    static List<Payment> withReference(Handle h, PaymentReference reference) {
        return h.createQuery("SELECT " + COLUMNS + " FROM payment_bank_transfer_payment WHERE scheme = :scheme "
                        + "AND reference_key = :key ORDER BY created_at, seq")
                .bind("scheme", reference.scheme().name()).bind("key", reference.key())
                .map((rs, ctx) -> payment(rs)).list();
    }

    /** Marks a pending payment paid with {@code amount}; false when it was paid already. */
    static boolean markPaid(Handle h, String id, Money amount, Instant at) {
        return h.createUpdate("UPDATE payment_bank_transfer_payment SET state = 'PAID', paid_minor = paid_minor + :amount, "
                        + "paid_at = :at WHERE id = :id AND state = 'PENDING'")
                .bind("amount", amount.toMinorUnits()).bind("at", at.toEpochMilli()).bind("id", id).execute() == 1;
    }

    static Payment payment(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        long paidAt = rs.getLong("paid_at");
        boolean paidAtNull = rs.wasNull();
        return new Payment(rs.getString("id"), rs.getString("idempotency_key"), rs.getLong("seq"),
                rs.getString("customer_id"), rs.getString("kontor_reference"),
                new PaymentReference(PaymentReference.Scheme.valueOf(rs.getString("scheme")), rs.getString("reference_key"),
                        rs.getString("reference_shown")),
                Money.ofMinor(rs.getLong("amount_minor"), currency), PaymentState.valueOf(rs.getString("state")),
                Money.ofMinor(rs.getLong("paid_minor"), currency), Instant.ofEpochMilli(rs.getLong("created_at")),
                paidAtNull ? null : Instant.ofEpochMilli(paidAt));
    }
}
