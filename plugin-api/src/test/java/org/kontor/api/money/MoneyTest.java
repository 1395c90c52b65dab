package org.kontor.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Currency DKK = Currency.getInstance("DKK");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    @ParameterizedTest
    @CsvSource({
            "10, DKK, 10.00, 2",
            "129.5, DKK, 129.50, 2",
            "1000, JPY, 1000, 0",
            "1.5, BHD, 1.500, 3",
            "0.001, BHD, 0.001, 3",
            "-7.1, EUR, -7.10, 2"
    })
    void amountIsAtTheCurrencyScale(String amount, String currency, String plain, int scale) {
        Money money = Money.of(amount, currency);

        assertThat(money.amount().scale()).isEqualTo(scale);
        assertThat(money.amount().toPlainString()).isEqualTo(plain);
        assertThat(money.currencyCode()).isEqualTo(currency);
    }

    @ParameterizedTest
    @CsvSource({"1.005, DKK", "0.001, EUR", "1.5, JPY", "0.0001, BHD", "1E-3, DKK"})
    void tooManyDecimalsRefused(String amount, String currency) {
        assertThatThrownBy(() -> Money.of(amount, currency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(currency)
                .hasMessageContaining("decimals");
    }

    @Test
    void trailingZerosBeyondTheScaleAreNotDecimals() {
        assertThat(Money.of("10.000000", "DKK")).isEqualTo(Money.of("10", "DKK"));
        assertThat(Money.of("1000.0", "JPY").amount()).isEqualByComparingTo("1000");
        assertThat(Money.of("1E+3", "JPY").amount().toPlainString()).isEqualTo("1000");
    }

    @Test
    void tenEqualsTenPointZeroZero() {
        Money ten = Money.of("10", "DKK");
        Money tenPointZeroZero = Money.of("10.00", "DKK");

        assertThat(ten).isEqualTo(tenPointZeroZero).hasSameHashCodeAs(tenPointZeroZero);
        assertThat(ten.compareTo(tenPointZeroZero)).isZero();
        assertThat(ten).isNotEqualTo(Money.of("10", "EUR"));
    }

    @Test
    void nullsRefused() {
        assertThatThrownBy(() -> new Money(null, DKK)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("currency");
    }

    @ParameterizedTest
    @CsvSource({
            "12950, DKK, 129.50",
            "-12950, DKK, -129.50",
            "1, DKK, 0.01",
            "-1, EUR, -0.01",
            "0, DKK, 0.00",
            "1500, JPY, 1500",
            "-1500, JPY, -1500",
            "1500, BHD, 1.500",
            "9223372036854775807, DKK, 92233720368547758.07",
            "-9223372036854775808, EUR, -92233720368547758.08",
            "9223372036854775807, JPY, 9223372036854775807"
    })
    void minorUnitsRoundTrip(long minor, String currency, String plain) {
        Money money = Money.ofMinor(minor, Currency.getInstance(currency));

        assertThat(money.amount().toPlainString()).isEqualTo(plain);
        assertThat(money.toMinorUnits()).isEqualTo(minor);
        assertThat(Money.of(plain, currency).toMinorUnits()).isEqualTo(minor);
    }

    @Test
    void minorUnitsBeyondLongRefused() {
        Money huge = Money.of("92233720368547758.08", "DKK");
        assertThatThrownBy(huge::toMinorUnits).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void zero() {
        assertThat(Money.zero(DKK)).isEqualTo(Money.of("0", "DKK"));
        assertThat(Money.zero(DKK).isZero()).isTrue();
        assertThat(Money.zero(JPY).amount().scale()).isZero();
    }

    @Test
    void plusMinusNegate() {
        Money a = Money.of("129.50", "DKK");
        Money b = Money.of("0.55", "DKK");

        assertThat(a.plus(b)).isEqualTo(Money.of("130.05", "DKK"));
        assertThat(a.minus(b)).isEqualTo(Money.of("128.95", "DKK"));
        assertThat(b.minus(a)).isEqualTo(Money.of("-128.95", "DKK"));
        assertThat(a.negate()).isEqualTo(Money.of("-129.50", "DKK"));
        assertThat(a.negate().negate()).isEqualTo(a);
        assertThat(Money.zero(DKK).negate()).isEqualTo(Money.zero(DKK));
    }

    @Test
    void timesQuantity() {
        assertThat(Money.of("129.50", "DKK").times(3)).isEqualTo(Money.of("388.50", "DKK"));
        assertThat(Money.of("129.50", "DKK").times(0)).isEqualTo(Money.zero(DKK));
        assertThat(Money.of("129.50", "DKK").times(-2)).isEqualTo(Money.of("-259.00", "DKK"));
        assertThat(Money.of("100", "JPY").times(7)).isEqualTo(Money.of("700", "JPY"));
    }

    @ParameterizedTest
    @CsvSource({
            "100.00, DKK, 0.25, HALF_UP, 25.00",
            "0.10, DKK, 0.25, HALF_UP, 0.03",
            "0.10, DKK, 0.25, HALF_EVEN, 0.02",
            "0.10, DKK, 0.25, DOWN, 0.02",
            "0.10, DKK, 0.25, UP, 0.03",
            "-0.10, DKK, 0.25, HALF_UP, -0.03",
            "-0.10, DKK, 0.25, FLOOR, -0.03",
            "-0.10, DKK, 0.25, CEILING, -0.02",
            "99, JPY, 0.5, HALF_UP, 50",
            "99, JPY, 0.5, HALF_EVEN, 50",
            "97, JPY, 0.5, HALF_EVEN, 48",
            "1.001, BHD, 1.5, HALF_UP, 1.502"
    })
    void timesFactorRoundsToTheCurrencyScale(String amount, String currency, String factor, RoundingMode rounding,
                                             String expected) {
        Money result = Money.of(amount, currency).times(new BigDecimal(factor), rounding);

        assertThat(result).isEqualTo(Money.of(expected, currency));
    }

    @Test
    void timesFactorWithUnnecessaryRoundingRefusesInexactResults() {
        assertThatThrownBy(() -> Money.of("0.10", "DKK").times(new BigDecimal("0.25"), RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rounded() {
        assertThat(Money.rounded(new BigDecimal("1.005"), DKK, RoundingMode.HALF_UP)).isEqualTo(Money.of("1.01", "DKK"));
        assertThat(Money.rounded(new BigDecimal("1.005"), DKK, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("1.00", "DKK"));
        assertThat(Money.rounded(new BigDecimal("2.5"), JPY, RoundingMode.HALF_EVEN)).isEqualTo(Money.of("2", "JPY"));
    }

    @Test
    void currencyMismatchRefused() {
        Money dkk = Money.of("1", "DKK");
        Money eur = Money.of("1", "EUR");

        assertThatThrownBy(() -> dkk.plus(eur)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DKK").hasMessageContaining("EUR");
        assertThatThrownBy(() -> dkk.minus(eur)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dkk.compareTo(eur)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dkk.isGreaterThan(eur)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dkk.plus(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void comparison() {
        Money small = Money.of("9.99", "DKK");
        Money large = Money.of("10", "DKK");

        assertThat(small.compareTo(large)).isNegative();
        assertThat(large.compareTo(small)).isPositive();
        assertThat(large.isGreaterThan(small)).isTrue();
        assertThat(small.isLessThan(large)).isTrue();
        assertThat(small.isGreaterThan(small)).isFalse();
        assertThat(Money.of("-1", "DKK").isLessThan(Money.zero(DKK))).isTrue();
    }

    @Test
    void signs() {
        assertThat(Money.of("0.01", "DKK").isPositive()).isTrue();
        assertThat(Money.of("0.01", "DKK").isNegative()).isFalse();
        assertThat(Money.of("-0.01", "DKK").isNegative()).isTrue();
        assertThat(Money.of("-0.01", "DKK").isPositive()).isFalse();
        assertThat(Money.of("0", "DKK").isPositive()).isFalse();
        assertThat(Money.of("0", "DKK").isNegative()).isFalse();
        assertThat(Money.of("0.01", "DKK").isZero()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"129.5, DKK, 129.50 DKK", "1000000, DKK, 1000000.00 DKK", "1E+3, JPY, 1000 JPY",
            "-0.5, BHD, -0.500 BHD"})
    void toStringIsPlain(String amount, String currency, String expected) {
        assertThat(Money.of(amount, currency)).hasToString(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU"})
    void currenciesWithoutMinorUnitsUseScaleZero(String code) {
        assertThat(Money.ofMinor(5, Currency.getInstance(code)).amount()).isEqualByComparingTo("5");
        assertThat(Money.ofMinor(5, Currency.getInstance(code)).amount().scale()).isZero();
    }

    @Test
    void unknownCurrencyRefused() {
        assertThatThrownBy(() -> Money.of("1", "ABC")).isInstanceOf(IllegalArgumentException.class);
    }
}
