package org.kontor.host.vouchers;

import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.kontor.api.money.Money;

/**
 * Voucher codes at the checkout (ORD-13): what a code would give a cart ({@link #quote}), and taking it for an order
 * inside the order's transaction ({@link #redeem}), or giving it back ({@link #release}).
 *
 * <p>Refusals are checked in this order: unknown code, disabled, not yet valid, expired, sign-in required (a limit per
 * customer), the order's currency, no eligible line, minimum not reached, and then the uses: used up, used up for
 * the customer. The minimum is compared with the order's total before any discount, all lines counted.
 */
public final class Vouchers {

    private static final String SAVEPOINT = "voucher_redeem";

    private final VoucherStore store;
    private final Clock clock;

    public Vouchers(VoucherStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The vouchers the operator defined. */
    public VoucherStore store() {
        return store;
    }

    /** What the code would give these lines now; no side effect. */
    public VoucherQuote quote(String code, String customerId, List<PricedLine> lines, Instant now)
            throws VoucherRefusedException {
        checkLines(lines);
        String customer = customer(customerId);
        return store.jdbi().withHandle(h -> {
            StoredVoucher stored = find(h, code);
            VoucherQuote quote = rules(stored.voucher(), customer, lines, now);
            Voucher voucher = stored.voucher();
            if (voucher.maxUses() != null && stored.used() >= voucher.maxUses()) {
                throw usedUp(voucher.code());
            }
            if (voucher.maxUsesPerCustomer() != null
                    && store.customerUses(h, voucher.code(), customer) >= voucher.maxUsesPerCustomer()) {
                throw usedUpForCustomer(voucher.code());
            }
            return quote;
        });
    }

    /**
     * Redeems inside the caller's transaction (the order's): re-checks every rule and counts the use atomically, so
     * two concurrent orders cannot exceed a limit. Same orderId twice returns the first result. A refusal leaves
     * nothing written; the caller's transaction may go on without the voucher.
     *
     * @throws IllegalStateException when the order already redeemed another code (release it first)
     */
    public VoucherQuote redeem(Handle handle, String code, String customerId, String orderId, List<PricedLine> lines,
                               Instant now) throws VoucherRefusedException {
        Objects.requireNonNull(orderId, "orderId");
        checkLines(lines);
        if (!handle.isInTransaction()) {
            return handle.inTransaction(h -> redeem(h, code, customerId, orderId, lines, now));
        }
        String customer = customer(customerId);
        Optional<VoucherQuote> first = activeRedemption(handle, orderId, Voucher.normalise(code));
        if (first.isPresent()) {
            return first.get();
        }
        StoredVoucher stored = find(handle, code);
        String normalised = stored.voucher().code();
        // Refused before anything is written when the rules already say no.
        VoucherQuote early = rules(stored.voucher(), customer, lines, now);

        handle.savepoint(SAVEPOINT);
        boolean done = false;
        try {
            if (!store.claim(handle, orderId, normalised, customer, early.discount().currency(), now)) {
                handle.rollbackToSavepoint(SAVEPOINT);
                done = true;
                return activeRedemption(handle, orderId, normalised).orElseThrow(() -> new IllegalStateException(
                        "the voucher redemption of order " + orderId + " changed while it was redeemed"));
            }
            if (!store.countUse(handle, normalised, now)) {
                Voucher current = find(handle, normalised).voucher();
                throw current.enabled() ? usedUp(normalised) : refusal(VoucherRefusal.DISABLED, normalised,
                        "The voucher " + normalised + " is disabled.");
            }
            // The voucher's row is ours now (on PostgreSQL locked until the order commits): check it once more.
            Voucher locked = find(handle, normalised).voucher();
            VoucherQuote quote = rules(locked, customer, lines, now);
            if (customer != null && !store.countCustomerUse(handle, normalised, customer, locked.maxUsesPerCustomer())) {
                throw usedUpForCustomer(normalised);
            }
            store.recordDiscount(handle, orderId, quote);
            handle.releaseSavepoint(SAVEPOINT);
            done = true;
            return quote;
        } finally {
            if (!done) {
                handle.rollbackToSavepoint(SAVEPOINT);
            }
        }
    }

    /** Gives the use back (an order that failed or was cancelled before anything was delivered); harmless twice. */
    public void release(Handle handle, String orderId) {
        if (!handle.isInTransaction()) {
            handle.useTransaction(h -> release(h, orderId));
            return;
        }
        if (store.markReleased(handle, orderId, clock.instant())) {
            store.redemption(handle, orderId).ifPresent(r -> store.uncount(handle, r.code(), r.customerId()));
        }
    }

    /** The discount an order got, unless it was given back. */
    public Optional<VoucherQuote> redemption(Handle handle, String orderId) {
        return store.redemption(handle, orderId).filter(VoucherStore.Redemption::active).map(VoucherStore.Redemption::quote);
    }

    private Optional<VoucherQuote> activeRedemption(Handle handle, String orderId, String code) {
        Optional<VoucherStore.Redemption> existing = store.redemption(handle, orderId).filter(VoucherStore.Redemption::active);
        if (existing.isPresent() && !existing.get().code().equals(code)) {
            throw new IllegalStateException("order " + orderId + " already redeemed the voucher " + existing.get().code()
                    + "; release it before redeeming " + code);
        }
        return existing.map(VoucherStore.Redemption::quote);
    }

    private StoredVoucher find(Handle h, String code) throws VoucherRefusedException {
        String normalised = Voucher.normalise(code);
        if (!VoucherValidator.CODE.matcher(normalised).matches()) {
            throw refusal(VoucherRefusal.UNKNOWN_CODE, normalised, "There is no voucher " + normalised + ".");
        }
        Optional<StoredVoucher> stored = store.find(h, normalised);
        if (stored.isEmpty()) {
            throw refusal(VoucherRefusal.UNKNOWN_CODE, normalised, "There is no voucher " + normalised + ".");
        }
        return stored.get();
    }

    /** Every rule but the counts of uses; the discount when they all hold. */
    private static VoucherQuote rules(Voucher v, String customerId, List<PricedLine> lines, Instant now)
            throws VoucherRefusedException {
        String code = v.code();
        if (!v.enabled()) {
            throw refusal(VoucherRefusal.DISABLED, code, "The voucher " + code + " is disabled.");
        }
        if (v.validFrom() != null && now.isBefore(v.validFrom())) {
            throw refusal(VoucherRefusal.NOT_YET_VALID, code, "The voucher " + code + " is valid from " + v.validFrom() + ".");
        }
        if (v.validUntil() != null && !now.isBefore(v.validUntil())) {
            throw refusal(VoucherRefusal.EXPIRED, code, "The voucher " + code + " expired at " + v.validUntil() + ".");
        }
        if (v.maxUsesPerCustomer() != null && customerId == null) {
            throw refusal(VoucherRefusal.SIGN_IN_REQUIRED, code, "The voucher " + code + " is limited per customer; sign in to use it.");
        }
        if (lines.isEmpty()) {
            throw refusal(VoucherRefusal.NO_ELIGIBLE_LINE, code, "The order has no lines.");
        }
        Currency currency = lines.get(0).price().currency();
        if (v.discount() instanceof Discount.Amount amount && !amount.amount().currency().equals(currency)) {
            throw refusal(VoucherRefusal.CURRENCY_MISMATCH, code, "The voucher " + code + " is in "
                    + amount.amount().currencyCode() + ", the order in " + currency + ".");
        }
        if (v.minimumOrder() != null && !v.minimumOrder().currency().equals(currency)) {
            throw refusal(VoucherRefusal.CURRENCY_MISMATCH, code, "The voucher " + code + " needs an order of at least "
                    + v.minimumOrder() + ", the order is in " + currency + ".");
        }
        List<PricedLine> eligible = lines.stream().filter(v::appliesTo).toList();
        if (eligible.isEmpty()) {
            throw refusal(VoucherRefusal.NO_ELIGIBLE_LINE, code, "No line of the order is one the voucher " + code + " applies to.");
        }
        Money total = DiscountCalculator.sum(lines.stream().map(PricedLine::price).toList(), lines.get(0).price());
        if (v.minimumOrder() != null && total.isLessThan(v.minimumOrder())) {
            throw new VoucherRefusedException(VoucherRefusal.MINIMUM_NOT_REACHED, code, "The voucher " + code
                    + " needs an order of at least " + v.minimumOrder() + "; this one is " + total + ".", v.minimumOrder());
        }
        Map<String, Money> byLine = DiscountCalculator.discounts(v.discount(), eligible, total);
        if (byLine.isEmpty()) {
            throw refusal(VoucherRefusal.NO_ELIGIBLE_LINE, code, "The order leaves nothing for the voucher " + code + " to take off.");
        }
        return new VoucherQuote(code, DiscountCalculator.sum(List.copyOf(byLine.values()), total), byLine);
    }

    private static void checkLines(List<PricedLine> lines) {
        Objects.requireNonNull(lines, "lines");
        Set<String> ids = new HashSet<>();
        for (PricedLine line : lines) {
            if (!ids.add(line.lineId())) {
                throw new IllegalArgumentException("line id " + line.lineId() + " appears twice");
            }
            if (!line.price().currency().equals(lines.get(0).price().currency())) {
                throw new IllegalArgumentException("an order's lines are in one currency, not " + lines.get(0).price().currency()
                        + " and " + line.price().currency());
            }
        }
    }

    private static String customer(String customerId) {
        return customerId == null || customerId.isBlank() ? null : customerId;
    }

    private static VoucherRefusedException usedUp(String code) {
        return refusal(VoucherRefusal.USED_UP, code, "The voucher " + code + " has been used as often as it may.");
    }

    private static VoucherRefusedException usedUpForCustomer(String code) {
        return refusal(VoucherRefusal.USED_UP_FOR_CUSTOMER, code, "You have used the voucher " + code + " as often as you may.");
    }

    private static VoucherRefusedException refusal(VoucherRefusal reason, String code, String detail) {
        return new VoucherRefusedException(reason, code, detail);
    }
}
