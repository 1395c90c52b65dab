package org.kontor.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.kontor.api.money.Money;
import org.junit.jupiter.api.Test;

class RegistryBalanceTest {

    @Test
    void isLowWhenAvailableCreditFallsToTheThreshold() {
        Money threshold = Money.of("1000.00", "DKK");
        assertThat(new RegistryBalance(Money.of("500.00", "DKK"), Money.of("500.00", "DKK"),
                Money.of("1000.00", "DKK"), threshold).isLow()).isTrue();
        assertThat(new RegistryBalance(Money.of("500.01", "DKK"), Money.of("500.00", "DKK"),
                Money.of("1000.01", "DKK"), threshold).isLow()).isFalse();
    }

    @Test
    void aBalanceAloneHasNoCreditAndIsNeverLow() {
        RegistryBalance balance = RegistryBalance.ofBalance(Money.of("-20.00", "EUR"));
        assertThat(balance.creditLimit()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(balance.availableCredit()).isEqualTo(Money.of("-20.00", "EUR"));
        assertThat(balance.isLow()).isFalse();
    }

    @Test
    void figuresAreRequired() {
        assertThatThrownBy(() -> new RegistryBalance(null, Money.of("0", "DKK"), Money.of("0", "DKK"), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("balance");
    }
}
