package org.kontor.host.vouchers;

import java.time.Instant;

/**
 * A voucher with how often it was used.
 *
 * @param used redemptions that were not given back
 */
public record StoredVoucher(Voucher voucher, int used, Instant createdAt, Instant updatedAt) {

    /** How many uses are left; null when the voucher has no total limit. */
    public Integer remaining() {
        return voucher.maxUses() == null ? null : Math.max(0, voucher.maxUses() - used);
    }
}
