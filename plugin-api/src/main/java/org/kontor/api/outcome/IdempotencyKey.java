package org.kontor.api.outcome;

import java.util.regex.Pattern;

/**
 * The key that travels with every movement of money and every billable remote call: EPP's clTRID,
 * Stripe's Idempotency-Key, PayPal's PayPal-Request-Id. The same key twice means the same operation;
 * a plugin must never perform it twice.
 *
 * <p>3 to 64 characters of letters, digits and {@code . _ : -} so that it fits every protocol
 * (EPP's clTRID is at most 64 characters).
 */
public record IdempotencyKey(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:-]{3,64}");

    /**
     * @throws IllegalArgumentException if the key is too short, too long or has other characters
     */
    public IdempotencyKey {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "an idempotency key is 3 to 64 characters of letters, digits and . _ : -, was '" + value + "'");
        }
    }

    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    /** A key derived from a purpose and a record id, e.g. {@code derive("order-item", id, "register")}. */
    public static IdempotencyKey derive(String... parts) {
        return new IdempotencyKey(String.join(":", parts));
    }

    @Override
    public String toString() {
        return value;
    }
}
