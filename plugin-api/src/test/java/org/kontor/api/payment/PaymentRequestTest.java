package org.kontor.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;

class PaymentRequestTest {

    private static final IdempotencyKey KEY = IdempotencyKey.of("invoice:42:pay");
    private static final PaymentMethodType METHOD = PaymentMethodType.CARD;

    @Test
    void positiveAmount() {
        PaymentRequest request = PaymentRequest.of(KEY, Money.of("0.01", "DKK"), METHOD, "INV-42", "Invoice 42", "c1");

        assertThat(request.amount()).isEqualTo(Money.of("0.01", "DKK"));
        assertThat(request.metadata()).isEmpty();
        assertThat(request.returnUrl()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.01", "-100"})
    void zeroOrNegativeAmountRefused(String amount) {
        assertThatThrownBy(() -> PaymentRequest.of(KEY, Money.of(amount, "DKK"), METHOD, "INV-42", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("amount:")
                .hasMessageContaining("DKK");
    }

    @Test
    void requiredComponents() {
        Money amount = Money.of("10", "DKK");
        assertThatThrownBy(() -> PaymentRequest.of(null, amount, METHOD, "r", null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> PaymentRequest.of(KEY, null, METHOD, "r", null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> PaymentRequest.of(KEY, amount, null, "r", null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("method");
        assertThatThrownBy(() -> PaymentRequest.of(KEY, amount, METHOD, null, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("reference");
    }

    @Test
    void metadataIsCopied() {
        Map<String, String> metadata = new HashMap<>(Map.of("mandate", "m1"));
        PaymentRequest request = new PaymentRequest(KEY, Money.of("10", "DKK"), METHOD, "r", null, null, null, null,
                metadata);
        metadata.put("other", "x");

        assertThat(request.metadata()).containsExactly(Map.entry("mandate", "m1"));
        assertThatThrownBy(() -> request.metadata().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new PaymentRequest(KEY, Money.of("10", "DKK"), METHOD, "r", null, null, null, null, null).metadata())
                .isEmpty();
    }
}
