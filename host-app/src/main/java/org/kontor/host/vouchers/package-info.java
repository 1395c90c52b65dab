/**
 * Voucher codes (ORD-13): percentage or amount off, a validity window, limits in all and per customer, TLD, kind and
 * minimum-order restrictions ({@link org.kontor.host.vouchers.Voucher}); quotes and redemptions for the checkout
 * ({@link org.kontor.host.vouchers.Vouchers}), counted so that concurrent orders never exceed a limit; the operator's
 * JSON API ({@link org.kontor.host.vouchers.VouchersApi}).
 */
package org.kontor.host.vouchers;
