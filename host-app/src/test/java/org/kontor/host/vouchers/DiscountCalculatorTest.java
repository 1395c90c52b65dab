package org.kontor.host.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;

/** The arithmetic of discounts: rounding per line, spreading an amount over lines, never below zero. */
class DiscountCalculatorTest {

    private static PricedLine line(String id, String price, String currency) {
        return new PricedLine(id, "dk", ChargeKind.DOMAIN_CREATE, Money.of(price, currency));
    }

    private static Money dkk(String amount) {
        return Money.of(amount, "DKK");
    }

    @Test
    void aPercentageIsRoundedHalfEvenToTheMinorUnitOnEachLine() {
        List<PricedLine> lines = List.of(line("a", "12.25", "DKK"), line("b", "12.35", "DKK"), line("c", "0.20", "DKK"));

        Map<String, Money> tenPercent = DiscountCalculator.discounts(Discount.percent("10"), lines, dkk("24.80"));
        Map<String, Money> twelveAndAHalf = DiscountCalculator.discounts(Discount.percent("12.5"), lines.subList(2, 3), dkk("0.20"));

        // 1.225 → 1.22 and 1.235 → 1.24 (to the even digit; half-up would give 1.23 and 1.24); 0.02 exactly
        assertThat(tenPercent).containsExactly(Map.entry("a", dkk("1.22")), Map.entry("b", dkk("1.24")), Map.entry("c", dkk("0.02")));
        // 0.025 → 0.02
        assertThat(twelveAndAHalf).containsExactly(Map.entry("c", dkk("0.02")));
    }

    @Test
    void aCurrencyWithoutMinorUnitsRoundsToWholeUnits() {
        List<PricedLine> lines = List.of(line("a", "105", "JPY"), line("b", "115", "JPY"));

        Map<String, Money> discount = DiscountCalculator.discounts(Discount.percent("10"), lines, Money.of("220", "JPY"));

        assertThat(discount).containsExactly(Map.entry("a", Money.of("10", "JPY")), Map.entry("b", Money.of("12", "JPY")));
    }

    @Test
    void anAmountIsSpreadOverTheLinesInTheirOrderEachAtMostItsPrice() {
        List<PricedLine> lines = List.of(line("a", "30.00", "DKK"), line("b", "40.00", "DKK"), line("c", "25.00", "DKK"));

        Map<String, Money> discount = DiscountCalculator.discounts(Discount.amount("50.00", "DKK"), lines, dkk("95.00"));

        assertThat(discount).containsExactly(Map.entry("a", dkk("30.00")), Map.entry("b", dkk("20.00")));
    }

    @Test
    void anAmountLargerThanTheLinesTakesThemToZeroAndNoLower() {
        List<PricedLine> lines = List.of(line("a", "30.00", "DKK"), line("b", "20.00", "DKK"));

        Map<String, Money> discount = DiscountCalculator.discounts(Discount.amount("500.00", "DKK"), lines, dkk("50.00"));

        assertThat(discount).containsExactly(Map.entry("a", dkk("30.00")), Map.entry("b", dkk("20.00")));
    }

    @Test
    void hundredPercentTakesEachLineToZeroExactly() {
        List<PricedLine> lines = List.of(line("a", "99.99", "DKK"));

        assertThat(DiscountCalculator.discounts(Discount.percent("100"), lines, dkk("99.99"))).containsExactly(Map.entry("a", dkk("99.99")));
    }

    @Test
    void theOrderNeverGoesBelowZeroWhenOtherLinesAreCredits() {
        // a 100.00 registration and a 30.00 credit (not eligible): the order is 70.00, so 70.00 is the most it gives
        List<PricedLine> eligible = List.of(line("a", "60.00", "DKK"), line("b", "40.00", "DKK"));

        Map<String, Money> discount = DiscountCalculator.discounts(Discount.amount("100.00", "DKK"), eligible, dkk("70.00"));

        assertThat(discount).containsExactly(Map.entry("a", dkk("60.00")), Map.entry("b", dkk("10.00")));
        assertThat(DiscountCalculator.discounts(Discount.percent("50"), eligible, dkk("-5.00"))).isEmpty();
    }
}
