package org.kontor.plugins.banktransfer.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FikReferenceTest {

    @Test
    void paymentIdIsTheNumberInFourteenDigitsAndItsCheckDigit() {
        assertThat(FikReference.paymentId(12345)).isEqualTo("000000000123455");
        assertThat(FikReference.paymentId(777)).isEqualTo("000000000007773");
        // 2026000042 from the right: 2·2=4, 4, 0, 0, 0, 0, 6·2=12→3, 2, 0·2, 2 → 15, so 5.
        assertThat(FikReference.paymentId(2026000042)).isEqualTo("000020260000425");
        assertThat(FikReference.paymentId(0)).isEqualTo("000000000000000");
    }

    @Test
    void theLineCarriesPaymentIdAndCreditor() {
        FikReference fik = FikReference.of(12345, "81234567");
        assertThat(fik.line()).isEqualTo("+71<000000000123455+81234567<");
        assertThat(fik.number()).isEqualTo(12345);
    }

    @Test
    void readsTheLineBackAndRefusesAWrongCheckDigit() {
        assertThat(FikReference.parseLine("Indbetaling +71< 000000000123455+81234567< tak"))
                .contains(new FikReference("000000000123455", "81234567"));
        assertThat(FikReference.parseLine("+71<000000000123454+81234567<")).isEmpty();
        assertThat(FikReference.parseLine("+73<000000000123455+81234567<")).as("card type 73 is not 71").isEmpty();
        assertThat(FikReference.isValidPaymentId("000000000123455")).isTrue();
        assertThat(FikReference.isValidPaymentId("00000000123455")).as("14 digits").isFalse();
    }

    @Test
    void refusesWhatDoesNotFit() {
        assertThatThrownBy(() -> FikReference.of(100_000_000_000_000L, "81234567")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FikReference.of(12345, "8123456")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FikReference("000000000123454", "81234567")).isInstanceOf(IllegalArgumentException.class);
    }
}
