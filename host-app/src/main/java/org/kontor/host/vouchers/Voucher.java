package org.kontor.host.vouchers;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/**
 * A voucher as the operator defines it (ORD-13). Checked by {@link VoucherValidator} before it is stored.
 *
 * @param code               trimmed and in upper case; customers may type it in any case
 * @param validFrom          the first instant it may be used (inclusive); null: from the start
 * @param validUntil         the instant it stops working (exclusive); null: no end
 * @param maxUses            how often it may be redeemed in all; null: unlimited
 * @param maxUsesPerCustomer how often one customer may redeem it; null: unlimited. A limit needs a signed-in customer
 * @param tlds               the TLDs (A-label form, no dot) whose lines it applies to; empty: every line
 * @param kinds              the kinds of lines it applies to; empty: every kind
 * @param minimumOrder       the order total before discount it needs; null: none
 */
public record Voucher(String code, String description, boolean enabled, Discount discount, Instant validFrom,
                      Instant validUntil, Integer maxUses, Integer maxUsesPerCustomer, Set<String> tlds,
                      Set<ChargeKind> kinds, Money minimumOrder) {

    public Voucher {
        code = normalise(Objects.requireNonNull(code, "code"));
        Objects.requireNonNull(discount, "discount");
        tlds = Set.copyOf(tlds);
        kinds = Set.copyOf(kinds);
    }

    /** The form a code is stored and compared in: {@code " welcome10 "} is {@code WELCOME10}. */
    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether the voucher may reduce the line: its TLD and kind are among those allowed, and it costs something. */
    public boolean appliesTo(PricedLine line) {
        return line.price().isPositive()
                && (tlds.isEmpty() || (line.tld() != null && tlds.contains(line.tld().toLowerCase(Locale.ROOT))))
                && (kinds.isEmpty() || kinds.contains(line.kind()));
    }

    /** Whether the instant lies in the validity window, from {@code validFrom} (inclusive) to {@code validUntil} (exclusive). */
    public boolean validAt(Instant instant) {
        return (validFrom == null || !instant.isBefore(validFrom)) && (validUntil == null || instant.isBefore(validUntil));
    }

    /** The same voucher enabled or disabled. */
    public Voucher withEnabled(boolean on) {
        return new Voucher(code, description, on, discount, validFrom, validUntil, maxUses, maxUsesPerCustomer, tlds,
                kinds, minimumOrder);
    }
}
