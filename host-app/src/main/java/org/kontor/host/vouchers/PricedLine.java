package org.kontor.host.vouchers;

import java.util.Objects;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/**
 * One priced line of a cart/order. tld is null for non-domain lines (hosting, e-mail add-ons).
 *
 * @param lineId unique within the order; {@link VoucherQuote#discountByLine()} is keyed by it
 * @param tld    the TLD in A-label form without the dot ({@code dk}), or null
 */
public record PricedLine(String lineId, String tld, ChargeKind kind, Money price) {

    public PricedLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(price, "price");
    }
}
