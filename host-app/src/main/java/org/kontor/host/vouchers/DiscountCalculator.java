package org.kontor.host.vouchers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kontor.api.money.Money;

/** The arithmetic of a discount over an order's lines; no rules, no database. */
final class DiscountCalculator {

    private DiscountCalculator() {
    }

    /**
     * The discount of each eligible line, in their order, only lines that get one. No line gets more than its price,
     * and all lines together get no more than the order's total (lines the voucher does not apply to may be credits).
     *
     * @param eligible   the lines the voucher applies to, each with a positive price, in the order's currency
     * @param orderTotal the sum of every line of the order
     */
    static Map<String, Money> discounts(Discount discount, List<PricedLine> eligible, Money orderTotal) {
        List<Money> byLine = new ArrayList<>(eligible.size());
        if (discount instanceof Discount.Percent percent) {
            BigDecimal factor = percent.percent().movePointLeft(2);
            for (PricedLine line : eligible) {
                byLine.add(atMost(line.price().times(factor, RoundingMode.HALF_EVEN), line.price()));
            }
        } else if (discount instanceof Discount.Amount amount) {
            Money left = amount.amount();
            for (PricedLine line : eligible) {
                Money taken = atMost(left, line.price());
                byLine.add(taken);
                left = left.minus(taken);
            }
        }
        Money cap = orderTotal.isPositive() ? orderTotal : Money.zero(orderTotal.currency());
        Money excess = sum(byLine, orderTotal).minus(cap);
        for (int i = byLine.size() - 1; i >= 0 && excess.isPositive(); i--) {
            Money cut = atMost(excess, byLine.get(i));
            byLine.set(i, byLine.get(i).minus(cut));
            excess = excess.minus(cut);
        }
        Map<String, Money> result = new LinkedHashMap<>();
        for (int i = 0; i < eligible.size(); i++) {
            if (byLine.get(i).isPositive()) {
                result.put(eligible.get(i).lineId(), byLine.get(i));
            }
        }
        return result;
    }

    static Money sum(List<Money> amounts, Money zeroLike) {
        Money total = Money.zero(zeroLike.currency());
        for (Money amount : amounts) {
            total = total.plus(amount);
        }
        return total;
    }

    private static Money atMost(Money amount, Money limit) {
        return amount.isGreaterThan(limit) ? limit : amount;
    }
}
