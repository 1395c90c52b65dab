package org.kontor.plugins.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.WebhookRejectedException;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.database.Database;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Webhook signatures: checked here against PayPal's certificate (fetched from a PayPal host or the configured API
 * origin only, valid at the transmission time) or by PayPal's verification API; tampered, stale, foreign or
 * wrongly addressed notifications are refused before anything is captured.
 */
@DatabaseTest(plugins = "payment-paypal")
class PayPalWebhookVerificationTest {

    private PayPalFixture f;

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    /** A PayPal order waiting for its approval, and the approval event for it. */
    private PayPalFixture.Order approvedOrder() {
        PaymentRequest request = f.request("55.00", "EUR");
        PayPalFixture.Order order = f.order(request);
        f.gateway.purchase(request);
        order.approved();
        return order;
    }

    private static WebhookRequest with(WebhookRequest request, String header, String value) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, List.of(value));
        }
        return new WebhookRequest(headers, request.body(), request.remoteAddress());
    }

    private void rejected(WebhookRequest request, String reason) {
        assertThatThrownBy(() -> f.gateway.handleWebhook(request)).isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining(reason);
    }

    @DbTest
    void aGenuineNotificationIsAcceptedAndTheCertificateFetchedOnce(Database db) throws Exception {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = approvedOrder();

        assertThat(f.gateway.handleWebhook(f.webhook(order.event("checkout-order-approved")))).hasSize(1);
        assertThat(f.gateway.handleWebhook(f.webhook(order.event("payment-capture", "captureStatus", "COMPLETED"))))
                .hasSize(1);

        f.paypal.verify(1, getRequestedFor(urlEqualTo(PayPalFixture.CERT_PATH)));
    }

    @DbTest
    void aTamperedBodyAWrongWebhookIdOrAnotherKeyIsRefusedAndNothingIsCaptured(Database db) {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = approvedOrder();
        String event = order.event("checkout-order-approved");
        WebhookRequest genuine = f.webhook(event);

        rejected(new WebhookRequest(genuine.headers(), event.replace("55.00", "5.00").getBytes(StandardCharsets.UTF_8),
                genuine.remoteAddress()), "signature does not match");
        rejected(f.webhook(event, "9XL90610J3647323C", f.clock.instant()), "signature does not match");
        rejected(with(genuine, "paypal-transmission-sig", "bm90IGEgc2lnbmF0dXJl"), "signature does not match");
        rejected(with(f.webhook(event), "paypal-transmission-sig", "%%%"), "not base64");
        rejected(with(f.webhook(event), "paypal-auth-algo", "SHA1withRSA"), "algorithm");
        rejected(with(f.webhook(event), "paypal-cert-url", null), "paypal-cert-url is missing");

        WebhookSigner impostor = WebhookSigner.create(f.clock.instant().minus(Duration.ofDays(1)),
                f.clock.instant().plus(Duration.ofDays(1)));
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        rejected(new WebhookRequest(impostor.headers(body, PayPalFixture.WEBHOOK_ID, "f0a1b2c3-impostor",
                f.clock.instant().toString(), f.baseUrl() + PayPalFixture.CERT_PATH), body, "203.0.113.9"),
                "signature does not match");

        f.paypal.verify(0, postRequestedFor(urlEqualTo(order.capturePath())));
    }

    @DbTest
    void aCertificateFromAnotherHostOrOutOfItsValidityIsRefused(Database db) {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = approvedOrder();
        String event = order.event("checkout-order-approved");
        WireMockServer elsewhere = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        elsewhere.start();
        try {
            elsewhere.stubFor(get(urlEqualTo(PayPalFixture.CERT_PATH)).willReturn(aResponse().withBody(f.signer().pem())));
            rejected(with(f.webhook(event), "paypal-cert-url", "http://127.0.0.1:" + elsewhere.port()
                    + PayPalFixture.CERT_PATH), "not on a PayPal host");
            rejected(with(f.webhook(event), "paypal-cert-url", "https://api.paypal.com.example.net/certs/x"),
                    "not on a PayPal host");
            rejected(with(f.webhook(event), "paypal-cert-url", "http://api.paypal.com/v1/notifications/certs/x"),
                    "not on a PayPal host");
            assertThat(elsewhere.findAll(getRequestedFor(urlEqualTo(PayPalFixture.CERT_PATH)))).as("never fetched")
                    .isEmpty();
        } finally {
            elsewhere.stop();
        }

        f.useSigner(WebhookSigner.create(f.clock.instant().minus(Duration.ofDays(400)),
                f.clock.instant().minus(Duration.ofDays(1))));
        rejected(f.webhook(event), "not valid at");
        f.paypal.verify(0, postRequestedFor(urlEqualTo(order.capturePath())));
    }

    @DbTest
    void aStaleTransmissionIsRefusedButOneFirstSeenFreshIsAcceptedWhenProcessedAgainLater(Database db) throws Exception {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = approvedOrder();
        String event = order.event("checkout-order-approved");

        rejected(f.webhook(event, PayPalFixture.WEBHOOK_ID, f.clock.instant().minus(Duration.ofMinutes(6))),
                "more than 5 minutes");
        rejected(f.webhook(event, PayPalFixture.WEBHOOK_ID, f.clock.instant().plus(Duration.ofMinutes(6))),
                "more than 5 minutes");
        f.paypal.verify(0, postRequestedFor(urlEqualTo(order.capturePath())));

        WebhookRequest fresh = f.webhook(event, PayPalFixture.WEBHOOK_ID, f.clock.instant().minus(Duration.ofMinutes(4)));
        List<PaymentNotification> first = f.gateway.handleWebhook(fresh);
        f.clock.advance(Duration.ofHours(3));
        List<PaymentNotification> replayed = f.gateway.handleWebhook(fresh);

        assertThat(replayed).isEqualTo(first);
        rejected(new WebhookRequest(fresh.headers(), event.replace("55.00", "5.00").getBytes(StandardCharsets.UTF_8),
                fresh.remoteAddress()), "seen with another signature or body");
        assertThat(first).singleElement().extracting(PaymentNotification::status).isEqualTo(OutcomeStatus.PROCESSED);
        rejected(f.webhook(event, PayPalFixture.WEBHOOK_ID, f.clock.instant().minus(Duration.ofHours(3))),
                "more than 5 minutes");
    }

    @DbTest
    void withoutAWebhookIdOrWhenTheCertificateCannotBeFetchedNothingIsAccepted(Database db) throws Exception {
        f = new PayPalFixture(db);
        PayPalFixture.Order order = approvedOrder();
        String event = order.event("checkout-order-approved");

        f.settings.remove(PayPalSettings.WEBHOOK_ID);
        rejected(f.webhook(event), "no PayPal webhook id");
        f.settings.put(PayPalSettings.WEBHOOK_ID, PayPalFixture.WEBHOOK_ID);

        f.paypal.stubFor(get(urlEqualTo(PayPalFixture.CERT_PATH)).willReturn(aResponse().withStatus(503)));
        WebhookRequest unchecked = f.webhook(event);
        assertThatThrownBy(() -> f.gateway.handleWebhook(unchecked)).as("kept by the host and processed again later")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not be fetched");
        f.useSigner(f.signer());
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(assertAccepted(unchecked)).singleElement().extracting(PaymentNotification::status)
                .isEqualTo(OutcomeStatus.PROCESSED);

        f.paypal.stubFor(get(urlEqualTo("/v1/notifications/certs/CERT-missing")).willReturn(aResponse().withStatus(404)));
        rejected(with(f.webhook(event), "paypal-cert-url", f.baseUrl() + "/v1/notifications/certs/CERT-missing"),
                "no certificate");
        f.paypal.stubFor(get(urlEqualTo("/v1/notifications/certs/CERT-garbage")).willReturn(aResponse().withBody("<html>")));
        rejected(with(f.webhook(event), "paypal-cert-url", f.baseUrl() + "/v1/notifications/certs/CERT-garbage"),
                "not a certificate");
    }

    @DbTest
    void paypalsVerificationApiCanCheckTheSignatureInstead(Database db) throws Exception {
        f = new PayPalFixture(db);
        f.settings.put(PayPalSettings.VERIFICATION, PayPalSettings.BY_API);
        PayPalFixture.Order order = approvedOrder();
        String event = order.event("checkout-order-approved");
        WebhookRequest request = f.webhook(event);
        f.paypal.stubFor(post(urlEqualTo("/v1/notifications/verify-webhook-signature"))
                .withHeader("Authorization", equalTo("Bearer " + PayPalFixture.TOKEN))
                .withRequestBody(equalToJson("{\"auth_algo\": \"SHA256withRSA\", \"cert_url\": \""
                        + request.header("paypal-cert-url").orElseThrow() + "\", \"transmission_id\": \""
                        + request.header("paypal-transmission-id").orElseThrow() + "\", \"transmission_sig\": \""
                        + request.header("paypal-transmission-sig").orElseThrow() + "\", \"transmission_time\": \""
                        + request.header("paypal-transmission-time").orElseThrow() + "\", \"webhook_id\": \""
                        + PayPalFixture.WEBHOOK_ID + "\", \"webhook_event\": " + event + "}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"verification_status\": \"SUCCESS\"}")));

        assertThat(f.gateway.handleWebhook(request)).singleElement().extracting(PaymentNotification::status)
                .isEqualTo(OutcomeStatus.PROCESSED);
        f.paypal.verify(0, getRequestedFor(urlEqualTo(PayPalFixture.CERT_PATH)));

        WebhookRequest forged = f.webhook(order.event("checkout-order-approved"));
        f.paypal.stubFor(post(urlEqualTo("/v1/notifications/verify-webhook-signature"))
                .withRequestBody(equalToJson("{\"transmission_id\": \""
                        + forged.header("paypal-transmission-id").orElseThrow() + "\"}", true, true))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"verification_status\": \"FAILURE\"}")));
        rejected(forged, "did not confirm");

        WebhookRequest whileDown = f.webhook(order.event("checkout-order-approved"));
        f.paypal.stubFor(post(urlEqualTo("/v1/notifications/verify-webhook-signature"))
                .withRequestBody(equalToJson("{\"transmission_id\": \""
                        + whileDown.header("paypal-transmission-id").orElseThrow() + "\"}", true, true))
                .willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> f.gateway.handleWebhook(whileDown)).isInstanceOf(IllegalStateException.class);

        rejected(new WebhookRequest(f.webhook("{\"id\": \"WH-1\"}, \"x\": 1").headers(),
                "{\"id\": \"WH-1\"}, \"x\": 1".getBytes(StandardCharsets.UTF_8), "203.0.113.9"), "not JSON");
    }

    private List<PaymentNotification> assertAccepted(WebhookRequest request) throws WebhookRejectedException {
        return f.gateway.handleWebhook(request);
    }
}
