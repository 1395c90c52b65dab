package org.kontor.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.SignUp;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * An invoice paid through Stripe in a host that installed the Stripe plugin from its zip, against Stripe's API
 * answering from recordings on loopback: the customer's payment creates a Checkout Session with the payment's key as
 * Idempotency-Key and sends the customer there; nothing is credited on the way back; Stripe's signed
 * {@code checkout.session.completed}, delivered twice, pays the invoice once; a forged one is refused; a lost dispute,
 * also delivered twice, opens the invoice again once.
 */
@DatabaseTest
class StripeInvoicePaymentTest {

    private static final String PLUGIN = "payment-stripe";
    private static final String SECRET_KEY = "sk_test_51KontorIntegrationKey000000";
    private static final String WEBHOOK_SECRET = "whsec_KontorIntegrationSecret0000";
    private static final String SESSION = "cs_test_a1KontorIntegrationInvoice0Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe";
    private static final String RETURN_URL = "https://kontor.example/pay/return";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private WireMockServer stripe;
    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (stripe != null) {
            stripe.stop();
        }
    }

    @DbTest
    void anInvoicePaidAtStripeIsCreditedOnceFromItsSignedWebhookAndALostDisputeOpensItAgain(Database database)
            throws Exception {
        stripe = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        stripe.start();
        Path data = Files.createTempDirectory("kontor-stripe-test");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", TestPlugins.deploy(data.resolve("plugins"), PLUGIN).toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_PAYMENTS_RETURN_URL", RETURN_URL);
        environment.put("KONTOR_SECRETS_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        host = KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), Clock.systemUTC());
        assertThat(host.plugins().activePluginIds()).contains(PLUGIN);
        String admin = host.apiTokens().issue("operator-1", Access.ADMIN, "test");

        HttpResponse<String> saved = send("PUT", "/api/v1/plugins/" + PLUGIN + "/settings", admin, Map.of(
                "secret-key", SECRET_KEY, "webhook-secret", WEBHOOK_SECRET,
                "base-url", "http://127.0.0.1:" + stripe.port(), "timeout-seconds", "5"), null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(SECRET_KEY, WEBHOOK_SECRET);

        String customerId = "stripe-customer-" + UUID.randomUUID().toString().substring(0, 8);
        host.customers().create(customerId, new SignUp(customerId + "@example.com", "correct horse battery",
                "Eva Jensen", null, "DK", "en", "DKK"), Access.CUSTOMER);
        String customer = host.apiTokens().issue(customerId, Access.CUSTOMER, "test");
        String invoiceId = issuedInvoice(admin, customerId, "480.00");
        answerCheckout(invoiceId, 48000);

        HttpResponse<String> paying = send("POST", "/api/v1/payments", customer, Map.of("purpose", "INVOICE",
                "targetId", invoiceId, "gateway", "stripe"), "stripe-pay-" + invoiceId);
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        JsonNode payment = json.readTree(paying.body());
        String paymentId = payment.get("id").asText();
        assertThat(payment.get("status").asText()).isEqualTo("PENDING");
        assertThat(payment.get("providerReference").asText()).isEqualTo(SESSION);
        assertThat(payment.get("redirectUrl").asText()).startsWith("https://checkout.stripe.com/c/pay/" + SESSION);
        List<LoggedRequest> created = stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
        assertThat(created).hasSize(1);
        String key = created.get(0).getHeader("Idempotency-Key");
        assertThat(key).startsWith("pay:");
        assertThat(created.get(0).getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(created.get(0).getBodyAsString()).contains("line_items[0][price_data][unit_amount]=48000",
                "client_reference_id=" + URLEncoder.encode(paymentId, StandardCharsets.UTF_8),
                "success_url=" + URLEncoder.encode(RETURN_URL, StandardCharsets.UTF_8));
        assertThat(invoice(admin, invoiceId).get("state").asText()).as("coming back from Stripe pays nothing")
                .isEqualTo("ISSUED");

        String intent = "pi_3KontorIntegration0Inv1";
        String completed = event("evt_1KontorIntegrationPaid1", "checkout.session.completed",
                fill(resource("checkout-session-paid.json"), Map.of("key", key, "payment_id", paymentId,
                        "reference", invoiceId, "payment_intent", intent, "amount", "48000",
                        "created", now(), "expires_at", Long.toString(Instant.now().getEpochSecond() + 86400))));
        HttpResponse<String> first = webhook(completed, sign(completed, WEBHOOK_SECRET));
        HttpResponse<String> second = webhook(completed, sign(completed, WEBHOOK_SECRET));
        String forgedBody = completed.replace("\"amount_total\": 48000", "\"amount_total\": 4800000");
        HttpResponse<String> forged = webhook(forgedBody, sign(completed, WEBHOOK_SECRET));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(invoice(admin, invoiceId).get("state").asText()).isEqualTo("PAID");
        JsonNode paid = json.readTree(send("GET", "/api/v1/payments/" + paymentId, customer, null, null).body());
        assertThat(paid.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(paid.get("applied").asBoolean()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE gateway = ? AND body = ?", PLUGIN, completed))
                .as("both deliveries are stored").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentSucceeded' AND payload LIKE ?",
                "%" + paymentId + "%")).isEqualTo(1);

        Map<String, String> dispute = new HashMap<>(Map.of("id", "dp_1KontorIntegrationDsp1", "amount", "48000",
                "amount_plus_fee", "49500", "charge", "ch_3KontorIntegration0Inv1", "created", now(), "currency", "dkk",
                "due_by", Long.toString(Instant.now().getEpochSecond() + 21 * 86400), "payment_intent", intent));
        dispute.put("reason", "fraudulent");
        dispute.put("status", "lost");
        String lost = event("evt_1KontorIntegrationLost1", "charge.dispute.closed", fill(resource("dispute.json"), dispute));
        assertThat(webhook(lost, sign(lost, WEBHOOK_SECRET)).statusCode()).isEqualTo(200);
        assertThat(webhook(lost, sign(lost, WEBHOOK_SECRET)).statusCode()).isEqualTo(200);

        JsonNode reopened = invoice(admin, invoiceId);
        assertThat(reopened.get("state").asText()).as(reopened.toString()).isEqualTo("ISSUED");
        assertThat(count("SELECT COUNT(*) FROM payment WHERE refund_of = ?", paymentId)).as("one reversal").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId))
                .as("the payment and its reversal").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentReversed' AND payload LIKE ?",
                "%" + paymentId + "%")).isEqualTo(1);
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo(key)).withHeader("Stripe-Version", matching("\\d{4}-\\d{2}-\\d{2}")));
    }

    /** Stripe answers the Checkout Session's creation with the recorded open session, echoing the request's key. */
    private void answerCheckout(String invoiceId, long amount) {
        String body = fill(resource("checkout-session-open.json"), Map.of("reference", invoiceId,
                "amount", Long.toString(amount), "created", now(),
                "expires_at", Long.toString(Instant.now().getEpochSecond() + 86400),
                "key", "{{request.headers.Idempotency-Key}}",
                "payment_id", "{{formData request.body 'form' urlDecode=true}}{{form.client_reference_id}}"));
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body).withTransformers("response-template")));
        stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + SESSION)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body.replace("{{request.headers.Idempotency-Key}}",
                        "unknown"))));
    }

    private String issuedInvoice(String admin, String customerId, String amount) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/admin/invoices", admin, Map.of("customerId", customerId,
                "lines", List.of(Map.of("description", "Webhotel", "quantity", "1", "unitPrice", amount, "vatRate", "0"))),
                null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        HttpResponse<String> issued = send("POST", "/api/v1/admin/invoices/" + id + "/issue", admin, null, null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return id;
    }

    private JsonNode invoice(String admin, String id) throws Exception {
        return json.readTree(send("GET", "/api/v1/admin/invoices/" + id, admin, null, null).body());
    }

    private HttpResponse<String> send(String method, String path, String token, Object body, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Delivers an event to the plugin's webhook URL as Stripe does. */
    private HttpResponse<String> webhook(String body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/hooks/" + PLUGIN))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stripe's signature header: {@code t=<now>,v1=<hex HMAC-SHA256 of "t.body">}. */
    private static String sign(String body, String secret) throws GeneralSecurityException {
        String t = now();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static String event(String id, String type, String object) {
        return fill(resource("event.json"), Map.of("id", id, "created", now(), "object", object, "type", type));
    }

    private long count(String sql, Object... binds) {
        return host.database().jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < binds.length; i++) {
                query.bind(i, binds[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (filled.contains("${")) {
            throw new IllegalArgumentException("unfilled placeholder in " + filled);
        }
        return filled;
    }

    private static String resource(String name) {
        try (InputStream in = StripeInvoicePaymentTest.class.getResourceAsStream("/stripe/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
