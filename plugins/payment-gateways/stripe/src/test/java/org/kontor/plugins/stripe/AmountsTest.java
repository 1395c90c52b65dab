package org.kontor.plugins.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kontor.api.money.Money;

/** Amounts in Stripe's smallest units, including currencies Stripe takes without decimals. */
class AmountsTest {

    @Test
    void amountsAreWholeSmallestUnits() {
        assertThat(Amounts.toStripe(Money.of("129.50", "DKK"))).isEqualTo(12950);
        assertThat(Amounts.toStripe(Money.of("1500", "JPY"))).isEqualTo(1500);
        assertThat(Amounts.toStripe(Money.of("12.345", "KWD"))).isEqualTo(12345);
        assertThat(Amounts.fromStripe(12950, "dkk")).isEqualTo(Money.of("129.50", "DKK"));
        assertThat(Amounts.fromStripe(1500, "jpy")).isEqualTo(Money.of("1500", "JPY"));
        assertThat(Amounts.code(Money.of("1", "EUR").currency())).isEqualTo("eur");
    }

    @Test
    void aCurrencyWithDecimalsInIsoButNoneAtStripeTakesWholeAmountsOnly() {
        assertThat(Amounts.toStripe(Money.of("5000.00", "MGA"))).isEqualTo(5000);
        assertThat(Amounts.fromStripe(5000, "mga")).isEqualTo(Money.of("5000.00", "MGA"));
        assertThatThrownBy(() -> Amounts.toStripe(Money.of("5000.50", "MGA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without decimals");
    }
}
