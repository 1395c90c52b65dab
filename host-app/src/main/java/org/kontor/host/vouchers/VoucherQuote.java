package org.kontor.host.vouchers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.kontor.api.money.Money;

/**
 * The discount a voucher gives an order: total and per line (for invoices/VAT), never more than a line's price.
 *
 * @param code           the voucher's code as stored (trimmed, upper case)
 * @param discount       the sum of {@code discountByLine}, in the order's currency
 * @param discountByLine line id → discount, in the order of the lines; only lines that get a discount
 */
public record VoucherQuote(String code, Money discount, Map<String, Money> discountByLine) {

    public VoucherQuote {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(discount, "discount");
        discountByLine = Collections.unmodifiableMap(new LinkedHashMap<>(discountByLine));
    }

    /** The discount of one line; zero for a line the voucher does not reduce. */
    public Money discountOf(String lineId) {
        return discountByLine.getOrDefault(lineId, Money.zero(discount.currency()));
    }
}
