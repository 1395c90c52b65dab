package org.kontor.host.vouchers;

import java.util.Objects;
import java.util.Optional;
import org.kontor.api.money.Money;

/**
 * Why a code is refused; {@link #reason()} is a stable enum, {@link #messageKey()} a theme message key. For
 * {@link VoucherRefusal#MINIMUM_NOT_REACHED} the message takes the minimum ({@link #minimum()}) as its argument.
 */
public final class VoucherRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final VoucherRefusal reason;
    private final String code;
    private final transient Money minimum;

    public VoucherRefusedException(VoucherRefusal reason, String code, String detail) {
        this(reason, code, detail, null);
    }

    VoucherRefusedException(VoucherRefusal reason, String code, String detail, Money minimum) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.code = code;
        this.minimum = minimum;
    }

    public VoucherRefusal reason() {
        return reason;
    }

    /** The theme message key, e.g. {@code voucher.refused.expired}. */
    public String messageKey() {
        return reason.messageKey();
    }

    /** The code as the customer typed it, normalised (trimmed, upper case). */
    public String code() {
        return code;
    }

    /** The order total the voucher needs, for {@link VoucherRefusal#MINIMUM_NOT_REACHED}. */
    public Optional<Money> minimum() {
        return Optional.ofNullable(minimum);
    }
}
