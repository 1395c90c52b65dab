package org.kontor.plugins.paypal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.PluginContext;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.Mailer;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.api.secrets.Secrets;
import org.kontor.api.settings.Settings;
import org.kontor.database.Database;
import org.kontor.testkit.RecordingEvents;
import org.kontor.testkit.RecordingMailer;
import org.kontor.testkit.TestClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PayPal gateway as the host creates it, against PayPal's REST API served by WireMock on 127.0.0.1 from recorded
 * answers ({@code src/test/resources/paypal}: the token as a mapping file, order, capture, refund and error bodies as
 * response templates). Each {@link Order} gets ids of its own, so tests sharing a database stay apart. Webhooks are
 * signed with the fixture's own key and self-signed certificate, which WireMock serves at the certificate URL.
 */
public final class PayPalFixture implements AutoCloseable {

    public static final String CLIENT_ID = "AV9pZaT0ZTv1kontorTestClientId";
    public static final String SECRET = "EKontorTestSecret-do-not-log";
    public static final String TOKEN = "A21AAKontorTestAccessTokenQ2hhbmdlTWU";
    public static final String WEBHOOK_ID = "8PT597110X687430LKGECATA";
    public static final String CERT_PATH = "/v1/notifications/certs/CERT-360caa42-fca2a594-kontor01";
    public static final URI RETURN_URL = URI.create("https://kontor.example/payments/return");

    public final TestClock clock = TestClock.at(Instant.parse("2026-11-24T09:00:00Z"));
    public final RecordingEvents events = new RecordingEvents();
    public final Map<String, String> settings = new HashMap<>();
    public final WireMockServer paypal;
    public final PluginContext context;
    public final PayPalGateway gateway;
    private final PayPalRefundLedger refunds = new PayPalRefundLedger();
    private WebhookSigner signer;

    public PayPalFixture(Database database) {
        paypal = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderClasspath("paypal").extensions(refunds));
        paypal.start();
        settings.put(PayPalSettings.CLIENT_ID, CLIENT_ID);
        settings.put(PayPalSettings.CLIENT_SECRET, SECRET);
        settings.put(PayPalSettings.WEBHOOK_ID, WEBHOOK_ID);
        settings.put(PayPalSettings.BASE_URL, baseUrl());
        settings.put(PayPalSettings.TIMEOUT_SECONDS, "2");
        context = new Context(database.jdbi(), clock, events, key -> Optional.ofNullable(settings.get(key)));
        gateway = new PayPalGateway(context);
        useSigner(WebhookSigner.create(clock.instant().minus(Duration.ofDays(30)), clock.instant().plus(Duration.ofDays(365))));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + paypal.port();
    }

    /** Another gateway over the same database, whose PayPal address is a port nothing listens on. */
    public PayPalGateway unreachableGateway() {
        Map<String, String> down = new HashMap<>(settings);
        try (ServerSocket free = new ServerSocket(0)) {
            down.put(PayPalSettings.BASE_URL, "http://127.0.0.1:" + free.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PayPalGateway(new Context(context.jdbi(), clock, events, key -> Optional.ofNullable(down.get(key))));
    }

    /**
     * Makes PayPal keep the refunds of captures from here on as it does, under any request id: within what is left of
     * the capture, once per PayPal-Request-Id, shown by id (see {@link PayPalRefundLedger}). Refunds stubbed per
     * request id ({@link Order#refundAnswers}) still answer first.
     */
    public void keepRefunds() {
        ResponseDefinitionBuilder ledger = aResponse().withTransformers(PayPalRefundLedger.NAME);
        paypal.stubFor(authorized(post(urlPathMatching("/v2/payments/captures/[^/]+/refund"))).atPriority(10)
                .willReturn(ledger));
        paypal.stubFor(authorized(get(urlPathMatching("/v2/payments/refunds/[^/]+"))).atPriority(10)
                .willReturn(ledger));
    }

    /** Serves {@code signer}'s certificate at {@link #CERT_PATH} and signs the next webhooks with it. */
    public void useSigner(WebhookSigner next) {
        signer = next;
        paypal.stubFor(get(urlEqualTo(CERT_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-x509-ca-cert").withBody(next.pem())));
    }

    public WebhookSigner signer() {
        return signer;
    }

    /** A payment as the host asks for it: a new key, the host's payment id as metadata. */
    public PaymentRequest request(String amount, String currency) {
        return request(IdempotencyKey.of("pay:" + UUID.randomUUID()), amount, currency);
    }

    /** A payment as the host asks for it under {@code key}, with a new payment id as metadata. */
    public PaymentRequest request(IdempotencyKey key, String amount, String currency) {
        String id = UUID.randomUUID().toString();
        return new PaymentRequest(key, Money.of(amount, currency), PaymentMethodType.PAYPAL,
                "2026-0042", "Invoice 2026-0042", "cust-" + id.substring(0, 8), RETURN_URL, RETURN_URL,
                Map.of("paymentId", "invoice:inv-42:" + id));
    }

    /** PayPal's side of the order it creates for {@code request}: created, waiting for the payer. */
    public Order order(PaymentRequest request) {
        Order order = new Order(request);
        order.created();
        return order;
    }

    /** A webhook event from {@code events/<template>.json} with the placeholders filled in. */
    public static String event(String template, Map<String, String> values) {
        String text = resource("/paypal/events/" + template + ".json");
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (text.contains("${")) {
            throw new IllegalArgumentException("unfilled placeholder in " + template + ": " + text);
        }
        return text;
    }

    /** The event signed now, with a new transmission id, as PayPal delivers it. */
    public WebhookRequest webhook(String body) {
        return webhook(body, WEBHOOK_ID, clock.instant());
    }

    /** The event {@code template} about {@code order} (e.g. {@code checkout-order-approved}), signed now. */
    public WebhookRequest webhookFor(Order order, String template, String... more) {
        return webhook(order.event(template, more));
    }

    public WebhookRequest webhook(String body, String webhookId, Instant sent) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest(signer.headers(bytes, webhookId, UUID.randomUUID().toString(),
                sent.truncatedTo(ChronoUnit.SECONDS).toString(), baseUrl() + CERT_PATH), bytes, "173.0.82.126");
    }

    public static String eventId() {
        return "WH-" + ids(17) + "-" + ids(17);
    }

    /** An id shaped like PayPal's: 17 capitals and digits. */
    public static String ids(int length) {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").toUpperCase(Locale.ROOT);
        return hex.substring(0, length);
    }

    private MappingBuilder authorized(MappingBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    private static ResponseDefinitionBuilder answer(int status, String file, Map<String, Object> parameters) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("paypal-debug-id", ids(13).toLowerCase(Locale.ROOT))
                .withBodyFile(file).withTransformers("response-template").withTransformerParameters(parameters);
    }

    static String resource(String name) {
        try (InputStream in = PayPalFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        paypal.stop();
    }

    /** One order at PayPal: its ids, and what PayPal answers about it as the test moves it along. */
    public final class Order {

        public final PaymentRequest request;
        public final String key;
        public final String orderId = ids(17);
        public final String captureId = ids(17);
        private final Map<String, Object> parameters = new HashMap<>();

        private Order(PaymentRequest request) {
            this.request = request;
            this.key = request.key().value();
            BigDecimal amount = request.amount().amount();
            BigDecimal fee = amount.multiply(new BigDecimal("0.0349")).add(new BigDecimal("0.35"))
                    .setScale(2, RoundingMode.HALF_UP);
            parameters.put("orderId", orderId);
            parameters.put("captureId", captureId);
            parameters.put("amount", amount.toPlainString());
            parameters.put("currency", request.amount().currencyCode());
            parameters.put("description", request.description());
            parameters.put("paymentId", request.metadata().get("paymentId"));
            parameters.put("fee", fee.toPlainString());
            parameters.put("net", amount.subtract(fee).toPlainString());
            parameters.put("captureStatus", "COMPLETED");
        }

        public String createPath() {
            return "/v2/checkout/orders";
        }

        public String orderPath() {
            return "/v2/checkout/orders/" + orderId;
        }

        public String capturePath() {
            return orderPath() + "/capture";
        }

        public String refundPath() {
            return "/v2/payments/captures/" + captureId + "/refund";
        }

        public String approveUrl() {
            return "https://www.sandbox.paypal.com/checkoutnow?token=" + orderId;
        }

        void created() {
            paypal.stubFor(authorized(post(urlEqualTo(createPath())).withHeader("PayPal-Request-Id", equalTo(key)))
                    .willReturn(answer(201, "order-payer-action-required.json", parameters)));
            answerOrder(200, "order-payer-action-required.json");
        }

        /** The order creation fails with {@code status} and PayPal's body {@code file}. */
        public Order creationAnswers(int status, String file) {
            paypal.stubFor(authorized(post(urlEqualTo(createPath())).withHeader("PayPal-Request-Id", equalTo(key)))
                    .willReturn(answer(status, file, parameters)));
            return this;
        }

        /** The payer approved: the order reads APPROVED, and its capture completes. */
        public Order approved() {
            answerOrder(200, "order-approved.json");
            return captureAnswers(201, "order-completed.json", "COMPLETED");
        }

        /**
         * The payer approved, and PayPal's side moves on with the merchant's capture: the order reads APPROVED until
         * it is captured under the request id derived from the key, COMPLETED with its capture from then on (the same
         * request id again answers the capture again), and the capture is shown and can be refunded.
         */
        public Order approvedUntilCaptured() {
            String scenario = "order " + orderId;
            String captured = "captured";
            paypal.stubFor(authorized(get(urlEqualTo(orderPath()))).inScenario(scenario)
                    .whenScenarioStateIs(Scenario.STARTED).willReturn(answer(200, "order-approved.json", parameters)));
            paypal.stubFor(authorized(post(urlEqualTo(capturePath())).withHeader("PayPal-Request-Id",
                    equalTo("capture:" + key))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                    .willSetStateTo(captured).willReturn(answer(201, "order-completed.json", parameters)));
            paypal.stubFor(authorized(post(urlEqualTo(capturePath())).withHeader("PayPal-Request-Id",
                    equalTo("capture:" + key))).inScenario(scenario).whenScenarioStateIs(captured)
                    .willReturn(answer(201, "order-completed.json", parameters)));
            paypal.stubFor(authorized(get(urlEqualTo(orderPath()))).inScenario(scenario).whenScenarioStateIs(captured)
                    .willReturn(answer(200, "order-completed.json", parameters)));
            paypal.stubFor(authorized(get(urlEqualTo("/v2/payments/captures/" + captureId))).inScenario(scenario)
                    .whenScenarioStateIs(captured).willReturn(answer(200, "capture-details.json", parameters)));
            refunds.captured(captureId, request.amount());
            return this;
        }

        /** What PayPal answers to the capture under the request id derived from the key. */
        public Order captureAnswers(int status, String file, String captureStatus) {
            Map<String, Object> values = new HashMap<>(parameters);
            values.put("captureStatus", captureStatus);
            paypal.stubFor(authorized(post(urlEqualTo(capturePath())).withHeader("PayPal-Request-Id",
                    equalTo("capture:" + key))).willReturn(answer(status, file, values)));
            return this;
        }

        /** What PayPal answers to GET of the order. */
        public Order answerOrder(int status, String file) {
            return answerOrder(status, file, "COMPLETED");
        }

        public Order answerOrder(int status, String file, String captureStatus) {
            Map<String, Object> values = new HashMap<>(parameters);
            values.put("captureStatus", captureStatus);
            paypal.stubFor(authorized(get(urlEqualTo(orderPath()))).willReturn(answer(status, file, values)));
            return this;
        }

        /** What PayPal answers to GET of the capture: the capture in {@code captureStatus}, naming its order. */
        public Order captureDetails(String captureStatus) {
            Map<String, Object> values = new HashMap<>(parameters);
            values.put("captureStatus", captureStatus);
            paypal.stubFor(authorized(get(urlEqualTo("/v2/payments/captures/" + captureId)))
                    .willReturn(answer(200, "capture-details.json", values)));
            return this;
        }

        /** What PayPal answers to a refund of the capture under {@code refundKey}, as refund {@code refundId}. */
        public Order refundAnswers(String refundKey, int status, String file, String refundStatus, String refundId) {
            Map<String, Object> values = new HashMap<>(parameters);
            values.put("status", refundStatus);
            values.put("refundId", refundId);
            paypal.stubFor(authorized(post(urlEqualTo(refundPath())).withHeader("PayPal-Request-Id", equalTo(refundKey)))
                    .willReturn(answer(status, file, values)));
            return this;
        }

        /** The placeholders of the event templates for this order. */
        public Map<String, String> values() {
            Map<String, String> values = new HashMap<>();
            parameters.forEach((name, value) -> values.put(name, String.valueOf(value)));
            values.put("eventId", eventId());
            return values;
        }

        /** The event {@code template} about this order, with its own event id and {@code more} placeholders. */
        public String event(String template, String... more) {
            Map<String, String> values = values();
            for (int i = 0; i < more.length; i += 2) {
                values.put(more[i], more[i + 1]);
            }
            return PayPalFixture.event(template, values);
        }
    }

    private record Context(Jdbi jdbi, Clock clock, EventPublisher events, Settings settings) implements PluginContext {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        @Override
        public String pluginId() {
            return "payment-paypal";
        }

        @Override
        public String pluginVersion() {
            return "1.0.0-test";
        }

        @Override
        public Secrets secrets() {
            throw new IllegalStateException("the PayPal plugin keeps no secrets of its own");
        }

        @Override
        public HttpClient httpClient() {
            return HTTP;
        }

        @Override
        public Mailer mailer() {
            return new RecordingMailer();
        }

        @Override
        public Logger logger() {
            return LoggerFactory.getLogger("plugin.payment-paypal");
        }

        @Override
        public Path dataDir() {
            throw new IllegalStateException("the PayPal plugin keeps no files");
        }
    }
}
