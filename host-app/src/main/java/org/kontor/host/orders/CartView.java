package org.kontor.host.orders;

import java.util.Currency;
import java.util.List;
import org.kontor.api.money.Money;

/**
 * A cart with its prices as the customer sees it now: each item with its price and its share of the voucher's
 * discount, the totals, and what is still missing before checkout.
 *
 * @param voucherProblem why the remembered voucher no longer applies (it expired, was used up), or null
 */
public record CartView(String id, Currency currency, List<PricedItem> items, Money subtotal, String voucherCode,
                       Money discount, Money total, InputError voucherProblem) {

    public CartView {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * An item with its price.
     *
     * @param description e.g. "Registration of æblegrød.dk, 1 year"
     * @param price       null when the item has no price in the cart's currency (then checkout refuses it)
     * @param launchPhase {@code sunrise} or {@code pre-registration} when the TLD is in that phase, else null
     */
    public record PricedItem(CartItem item, String description, Money price, Money discount, String launchPhase) {

        public Money amountDue() {
            return price == null ? null : price.minus(discount);
        }
    }
}
