package org.kontor.host.vouchers;

import java.util.Locale;

/** Why a voucher code is refused; the names are stable (API answers, logs, tests). */
public enum VoucherRefusal {
    /** No voucher has this code. */
    UNKNOWN_CODE,
    /** The validity window has not begun. */
    NOT_YET_VALID,
    /** The validity window has ended. */
    EXPIRED,
    /** The voucher was used as often as it may be. */
    USED_UP,
    /** This customer used the voucher as often as one customer may. */
    USED_UP_FOR_CUSTOMER,
    /** No line of the order is one the voucher applies to (TLD, kind, or nothing to pay). */
    NO_ELIGIBLE_LINE,
    /** The voucher's amount or minimum is in another currency than the order. */
    CURRENCY_MISMATCH,
    /** The order's total is below the voucher's minimum. */
    MINIMUM_NOT_REACHED,
    /** The operator disabled the voucher. */
    DISABLED,
    /** The voucher has a limit per customer and the customer is not signed in. */
    SIGN_IN_REQUIRED;

    /** The theme message key for people, e.g. {@code voucher.refused.used-up}. */
    public String messageKey() {
        return "voucher.refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
