package org.kontor.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.SignUp;
import org.kontor.host.settings.SettingsSchemas;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * An invoice paid by PayPal on a host that installed the PayPal plugin from its zip, against PayPal's REST API served
 * by WireMock from the plugin's recorded answers: the customer is sent to PayPal's approval page, the signed
 * CHECKOUT.ORDER.APPROVED webhook makes the plugin capture the order, and the invoice is paid once although the webhook
 * comes twice; a reversed capture opens it again. Without a webhook, the janitor's question captures the order.
 */
@DatabaseTest
class PayPalInvoicePaymentTest {

    private static final Path ZIP = Path.of("../plugins/payment-gateways/paypal/target/payment-paypal-1.0.0.zip");
    private static final Path RECORDED = Path.of("../plugins/payment-gateways/paypal/src/test/resources/paypal");
    private static final String PLUGIN = "payment-paypal";
    private static final String CLIENT_ID = "AV9pZaT0ZTv1kontorTestClientId";
    private static final String SECRET = "EKontorTestSecret-do-not-log";
    private static final String TOKEN = "A21AAKontorTestAccessTokenQ2hhbmdlTWU";
    private static final String WEBHOOK_ID = "8PT597110X687430LKGECATA";
    private static final String CERT_PATH = "/v1/notifications/certs/CERT-360caa42-fca2a594-kontor01";
    private static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.now());
    private KontorHost host;
    private WireMockServer paypal;
    private PayPalSigner signer;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (paypal != null) {
            paypal.stop();
        }
    }

    private void start(Database database) throws Exception {
        assertThat(ZIP).as("packaged before these tests").isRegularFile();
        paypal = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderDirectory(RECORDED.toString()));
        paypal.start();
        signer = new PayPalSigner(clock.instant());
        paypal.stubFor(get(urlEqualTo(CERT_PATH)).willReturn(aResponse().withBody(signer.pem())));
        Path data = Files.createTempDirectory("kontor-paypal-zip-test");
        Path plugins = Files.createDirectories(data.resolve("plugins"));
        Files.copy(ZIP, plugins.resolve(ZIP.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", plugins.toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_SECRETS_MASTER_KEY", MASTER_KEY);
        environment.put("KONTOR_PAYMENTS_RETURN_URL", "https://kontor.example/payments/return");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        host = KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), clock);
        assertThat(host.plugins().activePluginIds()).contains(PLUGIN);
        host.pluginSettings().save(PLUGIN, new SettingsSchemas(host.plugins()).fieldsOf(PLUGIN), Map.of(
                "client.id", CLIENT_ID,
                "client.secret", SECRET,
                "webhook.id", WEBHOOK_ID,
                "base.url", "http://127.0.0.1:" + paypal.port()));
    }

    @DbTest
    void anInvoicePaidByPayPalIsCreditedOnceFromItsSignedWebhookAndAReversalOpensItAgain(Database database)
            throws Exception {
        start(database);
        Customer customer = customer();
        String invoiceId = issuedInvoice(customer, "125.00");
        Map<String, Object> order = order("125.00", "DKK");

        HttpResponse<String> paying = send("POST", "/api/v1/payments", token(customer), Map.of("purpose", "INVOICE",
                "targetId", invoiceId, "gateway", "paypal"), "pay-" + invoiceId);
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        JsonNode payment = json.readTree(paying.body());
        String paymentId = payment.get("id").asText();
        assertThat(payment.get("status").asText()).isEqualTo("PENDING");
        assertThat(payment.get("redirectUrl").asText())
                .isEqualTo("https://www.sandbox.paypal.com/checkoutnow?token=" + order.get("orderId"));
        assertThat(payment.get("providerReference").asText()).isEqualTo(order.get("orderId"));
        String key = host.payments().payments().store().find(paymentId).orElseThrow().key().value();
        paypal.verify(1, postRequestedFor(urlEqualTo("/v2/checkout/orders"))
                .withHeader("PayPal-Request-Id", equalTo(key))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));

        approve(order, key);
        String approval = event("checkout-order-approved", order);
        HttpResponse<String> first = webhook(approval);
        HttpResponse<String> again = webhook(approval);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(invoice(invoiceId).get("state").asText()).isEqualTo("PAID");
        assertThat(count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentSucceeded' AND payload LIKE ?",
                "%" + paymentId + "%")).isEqualTo(1);
        paypal.verify(1, postRequestedFor(urlEqualTo("/v2/checkout/orders/" + order.get("orderId") + "/capture"))
                .withHeader("PayPal-Request-Id", equalTo("capture:" + key)));
        JsonNode paid = json.readTree(send("GET", "/api/v1/payments/" + paymentId, token(customer), null, null).body());
        assertThat(paid.get("status").asText()).isEqualTo("PROCESSED");

        clock.advance(Duration.ofHours(1));
        host.payments().janitor().settleOpenPayments();
        paypal.verify(1, postRequestedFor(urlEqualTo("/v2/checkout/orders/" + order.get("orderId") + "/capture")));

        HttpResponse<String> forged = send("POST", "/hooks/" + PLUGIN, null, json.readTree(approval), null);
        assertThat(forged.statusCode()).as("unsigned").isEqualTo(400);

        Map<String, Object> reversal = new HashMap<>(order);
        reversal.put("refundId", "1JU08902781691411");
        HttpResponse<String> reversed = webhook(event("payment-capture-reversed", reversal));
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        assertThat(json.readTree(reversed.body()).get("state").asText()).isEqualTo("PROCESSED");
        assertThat(invoice(invoiceId).get("state").asText()).as("the money was taken back").isEqualTo("ISSUED");
        assertThat(count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentReversed' AND payload LIKE ?",
                "%" + paymentId + "%")).isEqualTo(1);
    }

    @DbTest
    void withoutAWebhookTheJanitorCapturesTheApprovedOrder(Database database) throws Exception {
        start(database);
        Customer customer = customer();
        String invoiceId = issuedInvoice(customer, "80.00");
        Map<String, Object> order = order("80.00", "DKK");
        HttpResponse<String> paying = send("POST", "/api/v1/payments", token(customer), Map.of("purpose", "INVOICE",
                "targetId", invoiceId, "gateway", "paypal"), "pay-" + invoiceId);
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        String paymentId = json.readTree(paying.body()).get("id").asText();
        String key = host.payments().payments().store().find(paymentId).orElseThrow().key().value();

        approve(order, key);
        clock.advance(Duration.ofMinutes(16));
        host.payments().janitor().settleOpenPayments();
        clock.advance(Duration.ofHours(1));
        host.payments().janitor().settleOpenPayments();

        assertThat(invoice(invoiceId).get("state").asText()).isEqualTo("PAID");
        assertThat(count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId)).isEqualTo(1);
        paypal.verify(1, postRequestedFor(urlEqualTo("/v2/checkout/orders/" + order.get("orderId") + "/capture")));
    }

    /** PayPal's side of the next order: created for any request id, waiting for the payer. */
    private Map<String, Object> order(String amount, String currency) {
        Map<String, Object> order = new HashMap<>();
        order.put("orderId", paypalId());
        order.put("captureId", paypalId());
        order.put("amount", amount);
        order.put("currency", currency);
        order.put("description", "Invoice");
        order.put("paymentId", "p");
        order.put("fee", "0.00");
        order.put("net", amount);
        order.put("captureStatus", "COMPLETED");
        paypal.stubFor(post(urlEqualTo("/v2/checkout/orders")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(recorded(201, "order-payer-action-required.json", order)));
        paypal.stubFor(get(urlEqualTo("/v2/checkout/orders/" + order.get("orderId")))
                .willReturn(recorded(200, "order-payer-action-required.json", order)));
        return order;
    }

    /** The payer approved at PayPal: the order reads APPROVED and its capture under the derived request id completes. */
    private void approve(Map<String, Object> order, String key) {
        paypal.stubFor(get(urlEqualTo("/v2/checkout/orders/" + order.get("orderId")))
                .willReturn(recorded(200, "order-approved.json", order)));
        paypal.stubFor(post(urlEqualTo("/v2/checkout/orders/" + order.get("orderId") + "/capture"))
                .withHeader("PayPal-Request-Id", equalTo("capture:" + key))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(recorded(201, "order-completed.json", order)));
    }

    private static ResponseDefinitionBuilder recorded(int status, String file, Map<String, Object> parameters) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBodyFile(file)
                .withTransformers("response-template").withTransformerParameters(parameters);
    }

    /** One of the plugin's recorded webhook events about the order, with a new event id. */
    private static String event(String template, Map<String, Object> order) throws Exception {
        String text = Files.readString(RECORDED.resolve("events").resolve(template + ".json"));
        Map<String, Object> values = new HashMap<>(order);
        values.put("eventId", "WH-" + paypalId() + "-" + paypalId());
        for (Map.Entry<String, Object> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return text;
    }

    /** Delivers the event as PayPal does: a new transmission, signed now. */
    private HttpResponse<String> webhook(String event) throws Exception {
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        String transmissionId = UUID.randomUUID().toString();
        String time = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/hooks/" + PLUGIN))
                .header("Content-Type", "application/json")
                .header("PAYPAL-AUTH-ALGO", "SHA256withRSA")
                .header("PAYPAL-CERT-URL", "http://127.0.0.1:" + paypal.port() + CERT_PATH)
                .header("PAYPAL-TRANSMISSION-ID", transmissionId)
                .header("PAYPAL-TRANSMISSION-TIME", time)
                .header("PAYPAL-TRANSMISSION-SIG", signer.sign(transmissionId, time, WEBHOOK_ID, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Customer customer() {
        String id = "paypal-payer-" + UUID.randomUUID().toString().substring(0, 8);
        return host.customers().create(id, new SignUp(id + "@example.com", "correct horse battery", "Eva Nováková",
                null, "DK", "en", "DKK"), Access.CUSTOMER);
    }

    private String token(Customer customer) {
        return host.apiTokens().issue(customer.id(), Access.CUSTOMER, "test");
    }

    private String admin() {
        return host.apiTokens().issue("operator-1", Access.ADMIN, "test");
    }

    private String issuedInvoice(Customer customer, String amount) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/admin/invoices", admin(), Map.of("customerId", customer.id(),
                "lines", List.of(Map.of("description", "Hosting", "quantity", "1", "unitPrice", amount, "vatRate", "0"))),
                null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asText();
        HttpResponse<String> issued = send("POST", "/api/v1/admin/invoices/" + id + "/issue", admin(), null, null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return id;
    }

    private JsonNode invoice(String id) throws Exception {
        return json.readTree(send("GET", "/api/v1/admin/invoices/" + id, admin(), null, null).body());
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

    private long count(String sql, Object... binds) {
        return host.database().jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < binds.length; i++) {
                query.bind(i, binds[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    private static String paypalId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase(java.util.Locale.ROOT);
    }
}
