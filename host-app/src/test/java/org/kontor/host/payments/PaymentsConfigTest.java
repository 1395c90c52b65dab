package org.kontor.host.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.kontor.host.config.ConfigLoader;

/** Where providers send the customer back: the payment's status page unless the operator says otherwise. */
class PaymentsConfigTest {

    private static final String ID = "invoice:7f0c9a1e-inv:6a1b7f0e-2c44-4a8e-9d0f-2f7f1a3c5b11";

    @Test
    void byDefaultTheStatusPageAtThePublicAddressOrTheOneTheCustomerUsed() {
        PaymentsConfig withPublic = config(Map.of("KONTOR_HTTP_PUBLIC_URL", "https://shop.example"));
        assertThat(withPublic.returnUrl(ID, "http://10.0.0.5:8080")).isEqualTo(URI.create(
                "https://shop.example/account/payments/" + ID));
        PaymentsConfig withoutPublic = config(Map.of());
        assertThat(withoutPublic.returnUrl(ID, "https://kunde.example")).isEqualTo(URI.create(
                "https://kunde.example/account/payments/" + ID));
        assertThat(withoutPublic.returnUrl(ID, null)).as("a path alone is no return URL").isNull();
        assertThat(withoutPublic.returnUrl("top-up:a b/c:x", "https://kunde.example").getRawPath())
                .isEqualTo("/account/payments/top-up:a%20b%2Fc:x");
    }

    @Test
    void anOperatorsAddressWithOrWithoutThePaymentsIdOrNone() {
        assertThat(config(Map.of("KONTOR_PAYMENTS_RETURN_URL", "https://pay.example/back?p={paymentId}"))
                .returnUrl(ID, null)).isEqualTo(URI.create("https://pay.example/back?p=" + ID));
        assertThat(config(Map.of("KONTOR_PAYMENTS_RETURN_URL", "https://pay.example/thanks")).returnUrl(ID, null))
                .isEqualTo(URI.create("https://pay.example/thanks"));
        assertThat(config(Map.of("KONTOR_PAYMENTS_RETURN_URL", " ")).returnUrl(ID, "https://kunde.example")).isNull();
    }

    private static PaymentsConfig config(Map<String, String> environment) {
        return PaymentsConfig.from(new ConfigLoader(environment, new Properties()).load(null, false));
    }
}
