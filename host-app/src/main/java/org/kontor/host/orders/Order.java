package org.kontor.host.orders;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.kontor.api.money.Money;

/**
 * An order as placed, with its lines.
 *
 * @param paymentMethod {@code prepaid-account} or the id of a payment gateway
 * @param reviewReason  why the order waits in the clearing center, or null
 */
public record Order(String id, String customerId, Currency currency, Money subtotal, Money discount, Money total,
                    String voucherCode, String paymentMethod, OrderState state, String reviewReason, String message,
                    Instant placedAt, Instant updatedAt, List<OrderLine> lines) {

    public Order {
        lines = List.copyOf(lines);
    }
}
