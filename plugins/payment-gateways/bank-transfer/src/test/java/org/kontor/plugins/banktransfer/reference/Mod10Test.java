package org.kontor.plugins.banktransfer.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Mod10Test {

    @Test
    void checkDigitsComputedByHand() {
        // 7992739871: 1·2=2, 7, 8·2=16→7, 9, 3·2=6, 7, 2·2=4, 9, 9·2=18→9, 7 → 67, so 3 makes 70.
        assertThat(Mod10.checkDigit("7992739871")).isEqualTo(3);
        // 12345: 5·2=10→1, 4, 3·2=6, 2, 1·2=2 → 15, so 5.
        assertThat(Mod10.checkDigit("12345")).isEqualTo(5);
        // 777: 7·2=14→5, 7, 7·2=14→5 → 17, so 3.
        assertThat(Mod10.checkDigit("00000000000777")).isEqualTo(3);
        assertThat(Mod10.checkDigit("0")).isZero();
    }

    @Test
    void leadingZerosDoNotChangeTheCheckDigit() {
        assertThat(Mod10.checkDigit("00000000012345")).isEqualTo(Mod10.checkDigit("12345"));
    }

    @Test
    void validatesAndRefuses() {
        assertThat(Mod10.isValid("79927398713")).isTrue();
        assertThat(Mod10.isValid("79927398710")).isFalse();
        assertThat(Mod10.isValid("79927398731")).as("two digits swapped").isFalse();
        assertThat(Mod10.isValid("7")).isFalse();
        assertThat(Mod10.isValid("7992a398713")).isFalse();
        assertThat(Mod10.isValid(null)).isFalse();
        assertThatThrownBy(() -> Mod10.checkDigit("12-3")).isInstanceOf(IllegalArgumentException.class);
    }
}
