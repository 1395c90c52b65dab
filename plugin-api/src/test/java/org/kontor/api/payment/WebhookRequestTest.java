package org.kontor.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"Stripe-Signature", "stripe-signature", "STRIPE-SIGNATURE"})
    void headerLookupIsCaseInsensitive(String name) {
        WebhookRequest request = new WebhookRequest(Map.of("Stripe-Signature", List.of("t=1,v1=abc", "second")),
                new byte[0], "192.0.2.1");

        assertThat(request.header(name)).contains("t=1,v1=abc");
        assertThat(request.headers()).containsOnlyKeys("stripe-signature");
    }

    @Test
    void missingOrEmptyHeader() {
        WebhookRequest request = new WebhookRequest(Map.of("X-Empty", List.of()), null, null);

        assertThat(request.header("X-Empty")).isEmpty();
        assertThat(request.header("X-Missing")).isEmpty();
        assertThat(new WebhookRequest(null, null, null).headers()).isEmpty();
    }

    @Test
    void headersAreCopied() {
        List<String> values = new ArrayList<>(List.of("one"));
        Map<String, List<String>> headers = new HashMap<>(Map.of("X-Test", values));
        WebhookRequest request = new WebhookRequest(headers, null, null);
        values.set(0, "changed");
        headers.put("X-Other", List.of("x"));

        assertThat(request.header("x-test")).contains("one");
        assertThat(request.header("x-other")).isEmpty();
        assertThatThrownBy(() -> request.headers().put("a", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bodyIsCopiedInAndOut() {
        byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = new WebhookRequest(Map.of(), body, "192.0.2.1");
        body[0] = 'X';
        request.body()[1] = 'X';

        assertThat(request.body()).isEqualTo("{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(request.body()).isNotSameAs(request.body());
        assertThat(request.bodyText()).isEqualTo("{\"id\":\"evt_1\"}");
        assertThat(request.remoteAddress()).isEqualTo("192.0.2.1");
    }

    @Test
    void bodyIsReadAsUtf8() {
        WebhookRequest request = new WebhookRequest(null, "æøå".getBytes(StandardCharsets.UTF_8), null);

        assertThat(request.bodyText()).isEqualTo("æøå");
        assertThat(new WebhookRequest(null, null, null).body()).isEmpty();
    }
}
