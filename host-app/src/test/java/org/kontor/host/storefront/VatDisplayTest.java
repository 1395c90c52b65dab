package org.kontor.host.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kontor.api.money.Money;

class VatDisplayTest {

    private final VatDisplay vat = VatDisplay.parse("DK=25, de=19,CZ=21;SK=23");

    @Test
    void consumersSeeTheirCountrysVatAddedRoundedHalfUp() {
        assertThat(vat.rule(Optional.of("dk"), false).show(Money.of("100.00", "DKK")).amount()).isEqualTo(Money.of("125.00", "DKK"));
        assertThat(vat.rule(Optional.of("CZ"), false).show(Money.of("13.50", "EUR")).amount()).isEqualTo(Money.of("16.34", "EUR"));
        assertThat(vat.rule(Optional.of("CZ"), false).show(Money.of("320", "CZK"))).satisfies(shown -> {
            assertThat(shown.amount()).isEqualTo(Money.of("387.20", "CZK"));
            assertThat(shown.includesVat()).isTrue();
        });
        assertThat(vat.rule(Optional.of("DE"), false).labelKey()).isEqualTo("storefront.vat.incl");
    }

    @Test
    void businessesAndCountriesWithoutARateSeeNetPrices() {
        Money net = Money.of("100.00", "DKK");
        assertThat(vat.rule(Optional.of("DK"), true).show(net).amount()).isEqualTo(net);
        assertThat(vat.rule(Optional.of("SE"), false).show(net).includesVat()).isFalse();
        assertThat(vat.rule(Optional.empty(), false).labelKey()).isEqualTo("storefront.vat.excl");
    }

    @Test
    void aMalformedListNamesTheBadEntry() {
        assertThatThrownBy(() -> VatDisplay.parse("DK=25,Denmark=25")).hasMessageContaining("'Denmark=25'");
        assertThatThrownBy(() -> VatDisplay.parse("DK=many")).hasMessageContaining("'DK=many'");
        assertThatThrownBy(() -> VatDisplay.parse("DK=125")).hasMessageContaining("between 0 and 100");
        assertThat(VatDisplay.parse("").rates()).isEmpty();
    }
}
