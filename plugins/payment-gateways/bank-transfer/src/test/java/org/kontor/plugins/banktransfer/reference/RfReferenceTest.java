package org.kontor.plugins.banktransfer.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RfReferenceTest {

    @Test
    void theStandardsExampleIsValid() {
        assertThat(RfReference.isValid("RF18539007547034")).isTrue();
        assertThat(RfReference.parse("RF18 5390 0754 7034")).contains(new RfReference("RF18539007547034"));
        assertThat(RfReference.parse("rf18539007547034")).contains(new RfReference("RF18539007547034"));
    }

    @Test
    void generatesTheCheckDigits() {
        assertThat(RfReference.of(539007547034L).value()).isEqualTo("RF18539007547034");
        // 42 + RF00 → 42271500 mod 97 = 64, 98 − 64 = 34.
        assertThat(RfReference.of(42).value()).isEqualTo("RF3442");
        assertThat(RfReference.of("2026000777").value()).isEqualTo("RF422026000777");
        RfReference letters = RfReference.of("INV2026A");
        assertThat(RfReference.isValid(letters.value())).isTrue();
        assertThat(letters.creditorReference()).isEqualTo("INV2026A");
    }

    @Test
    void refusesWrongCheckDigitsAndForms() {
        assertThat(RfReference.isValid("RF19539007547034")).isFalse();
        assertThat(RfReference.isValid("RF18539007547043")).as("two digits swapped").isFalse();
        assertThat(RfReference.isValid("RF18")).isFalse();
        assertThat(RfReference.isValid("RF181234567890123456789012")).as("more than 25 characters").isFalse();
        assertThat(RfReference.parse("18539007547034")).isEmpty();
        assertThatThrownBy(() -> RfReference.of("ÆØÅ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsInGroupsOfFourAndFindsInText() {
        assertThat(new RfReference("RF18539007547034").printed()).isEqualTo("RF18 5390 0754 7034");
        assertThat(RfReference.find("Rechnung, Referenz RF18 5390 0754 7034, danke")).contains(new RfReference("RF18539007547034"));
        assertThat(RfReference.find("RF19539007547034")).isEmpty();
    }
}
