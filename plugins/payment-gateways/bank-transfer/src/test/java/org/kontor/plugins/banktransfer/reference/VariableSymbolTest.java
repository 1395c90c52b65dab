package org.kontor.plugins.banktransfer.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VariableSymbolTest {

    @Test
    void upToTenDigitsWithoutLeadingZeros() {
        assertThat(VariableSymbol.of(2026000123L).value()).isEqualTo("2026000123");
        assertThat(new VariableSymbol("0000012345").value()).isEqualTo("12345");
        assertThat(new VariableSymbol("0").value()).isEqualTo("0");
        assertThatThrownBy(() -> VariableSymbol.of(10_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VariableSymbol("12a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAsBanksWriteIt() {
        assertThat(VariableSymbol.parse(" 2026 000123 ")).contains(new VariableSymbol("2026000123"));
        assertThat(VariableSymbol.parse("00000000002026000123")).as("zero-padded to 20 digits")
                .contains(new VariableSymbol("2026000123"));
        assertThat(VariableSymbol.parse("12345678901")).as("eleven significant digits").isEmpty();
        assertThat(VariableSymbol.parse("VS12")).isEmpty();
    }

    @Test
    void constantSymbolHasFourDigits() {
        assertThat(ConstantSymbol.SERVICES.value()).isEqualTo("0308");
        assertThatThrownBy(() -> new ConstantSymbol("308")).isInstanceOf(IllegalArgumentException.class);
    }
}
