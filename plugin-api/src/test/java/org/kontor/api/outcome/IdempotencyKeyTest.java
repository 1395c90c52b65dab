package org.kontor.api.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "ABC", "a1b", "order-item:42:register", "x.y_z:1-2", "---", "123"})
    void allowedCharacters(String value) {
        assertThat(IdempotencyKey.of(value).value()).isEqualTo(value);
        assertThat(IdempotencyKey.of(value)).hasToString(value);
    }

    @Test
    void lengthsThreeAndSixtyFourAccepted() {
        assertThat(IdempotencyKey.of("a".repeat(3)).value()).hasSize(3);
        assertThat(IdempotencyKey.of("a".repeat(64)).value()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 65, 100})
    void lengthsOutsideThreeToSixtyFourRefused(int length) {
        String value = "a".repeat(length);
        assertThatThrownBy(() -> IdempotencyKey.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 to 64")
                .hasMessageContaining(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc def", "abc/def", "abc+def", "abcæ", "abc\n", " abc", "ab#c", "a@bc", "a,bc", "äbc"})
    void otherCharactersRefused(String value) {
        assertThatThrownBy(() -> IdempotencyKey.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotency key");
    }

    @Test
    void derivedKeysJoinWithColons() {
        IdempotencyKey key = IdempotencyKey.derive("order-item", "42", "register");

        assertThat(key.value()).isEqualTo("order-item:42:register");
        assertThat(key).isEqualTo(IdempotencyKey.derive("order-item", "42", "register"));
        assertThat(key).isNotEqualTo(IdempotencyKey.derive("order-item", "42", "renew"));
    }

    @Test
    void derivedKeysAreValidated() {
        assertThatThrownBy(() -> IdempotencyKey.derive("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.derive("order item", "42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.derive("x".repeat(40), "y".repeat(24)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IdempotencyKey.derive("x".repeat(40), "y".repeat(23)).value()).hasSize(64);
    }
}
