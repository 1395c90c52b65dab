package org.kontor.host.orders;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.kontor.host.vouchers.PricedLine;
import org.kontor.host.vouchers.VoucherQuote;
import org.kontor.host.vouchers.VoucherRefusedException;
import org.kontor.host.vouchers.Vouchers;

/** The host's voucher codes as the cart and the checkout use them; a refusal is an input error on {@code voucher}. */
public final class VoucherDiscounts implements OrderVouchers {

    private final Vouchers vouchers;

    public VoucherDiscounts(Vouchers vouchers) {
        this.vouchers = vouchers;
    }

    @Override
    public Discount quote(String code, String customerId, List<Line> lines, Instant now) {
        try {
            return discount(vouchers.quote(code, customerId, priced(lines), now));
        } catch (VoucherRefusedException e) {
            throw refused(e);
        }
    }

    @Override
    public Discount redeem(Handle handle, String code, String customerId, String orderId, List<Line> lines, Instant now) {
        try {
            return discount(vouchers.redeem(handle, code, customerId, orderId, priced(lines), now));
        } catch (VoucherRefusedException e) {
            throw refused(e);
        }
    }

    @Override
    public void release(Handle handle, String orderId) {
        vouchers.release(handle, orderId);
    }

    private static List<PricedLine> priced(List<Line> lines) {
        return lines.stream().map(line -> new PricedLine(line.lineId(), line.tld(), line.kind(), line.price())).toList();
    }

    private static Discount discount(VoucherQuote quote) {
        return new Discount(quote.code(), quote.discount(), quote.discountByLine());
    }

    private static OrderInputException refused(VoucherRefusedException e) {
        String code = "voucher-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String argument = e.minimum().map(Object::toString).orElse(e.code() == null ? "" : e.code());
        return new OrderInputException(InputError.of("voucher", code, e.getMessage(), argument));
    }
}
