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
 * @param subtotal      the lines' prices before discount, net
 * @param vat           the VAT on the discounted lines
 * @param total         what the customer pays: subtotal − discount + VAT
 * @param tax           how the VAT was decided
 */
public record Order(String id, String customerId, Currency currency, Money subtotal, Money discount, Money total,
                    String voucherCode, String paymentMethod, OrderState state, String reviewReason, String message,
                    Instant placedAt, Instant updatedAt, List<OrderLine> lines, Money vat, OrderTax tax) {

    public Order {
        lines = List.copyOf(lines);
        tax = tax == null ? OrderTax.none() : tax;
    }

    /** What the order costs before VAT. */
    public Money net() {
        return subtotal.minus(discount);
    }

    Order withLines(List<OrderLine> newLines) {
        return new Order(id, customerId, currency, subtotal, discount, total, voucherCode, paymentMethod, state,
                reviewReason, message, placedAt, updatedAt, newLines, vat, tax);
    }
}
