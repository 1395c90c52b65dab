package org.kontor.host.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/** Voucher codes as the cart and the checkout use them (ORD-13). */
public interface OrderVouchers {

    /** What the code gives these lines now, without using it. @throws OrderInputException on the field {@code voucher} */
    Discount quote(String code, String customerId, List<Line> lines, Instant now);

    /** Uses the code for the order inside its transaction; the same order twice gives the first result. */
    Discount redeem(Handle handle, String code, String customerId, String orderId, List<Line> lines, Instant now);

    /** Gives the use back when the order delivered nothing. */
    void release(Handle handle, String orderId);

    /** A priced line; tld is null for a line on no domain. */
    record Line(String lineId, String tld, ChargeKind kind, Money price) {
    }

    /** The discount: in total and per line id, never more than a line's price. */
    record Discount(String code, Money total, Map<String, Money> byLine) {

        public Money of(String lineId) {
            return byLine.getOrDefault(lineId, Money.zero(total.currency()));
        }
    }
}
