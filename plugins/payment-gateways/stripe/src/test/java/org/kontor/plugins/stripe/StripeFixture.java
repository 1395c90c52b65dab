package org.kontor.plugins.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.kontor.api.PluginContext;
import org.kontor.api.event.EventPublisher;
import org.kontor.api.mail.Mailer;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.WebhookRequest;
import org.kontor.api.secrets.Secrets;
import org.kontor.api.settings.Settings;
import org.kontor.database.Database;
import org.kontor.plugins.stripe.webhook.StripeSignature;
import org.kontor.testkit.TestClock;
import org.kontor.testkit.TestPluginContext;
import org.slf4j.Logger;

/**
 * The Stripe gateway as the host makes it, over a test database and a test clock, against a WireMock server on
 * loopback that answers as Stripe's API does: the recorded exchanges under {@code stripe/mappings}, and per payment
 * the recorded object shapes under {@code stripe/templates} filled in with the payment's ids. The provider's side is
 * driven from here (the customer pays, the debit fails, a refund succeeds) and its webhooks are signed here, so a
 * gateway conformance test can be built on it.
 */
public final class StripeFixture implements AutoCloseable {

    public static final String PLUGIN_ID = "payment-stripe";
    public static final String SECRET_KEY = "sk_test_51KontorFixtureKey0000000000";
    public static final String WEBHOOK_SECRET = "whsec_KontorFixtureSigningSecret0000";
    public static final String RETURN_URL = "https://kontor.example/pay/return";
    /** When the fixture's clock starts: the {@code created} time of the recorded objects. */
    public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public final TestClock clock = TestClock.at(START);
    public final WireMockServer stripe;
    public final Map<String, String> settings = new HashMap<>();
    public final PluginContext context;
    private final Jdbi jdbi;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Session> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private final StripeRefundLedger refunds = new StripeRefundLedger(this);

    /** A payment as Stripe holds it once the fixture answered its purchase. */
    public record Session(String id, String paymentIntent, String charge, PaymentRequest request) {

        public long amount() {
            return Amounts.toStripe(request.amount());
        }

        public String currency() {
            return Amounts.code(request.amount().currency());
        }
    }

    public StripeFixture(Database database) {
        this(database.jdbi());
    }

    public StripeFixture(Jdbi jdbi) {
        stripe = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .usingFilesUnderClasspath("stripe").extensions(refunds));
        stripe.start();
        settings.put(StripeSettings.SECRET_KEY, SECRET_KEY);
        settings.put(StripeSettings.WEBHOOK_SECRET, WEBHOOK_SECRET);
        settings.put(StripeSettings.BASE_URL, baseUrl());
        settings.put(StripeSettings.TIMEOUT_SECONDS, "2");
        this.jdbi = jdbi;
        context = new Context(TestPluginContext.of(PLUGIN_ID, jdbi, clock), http,
                key -> Optional.ofNullable(settings.get(key)));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + stripe.port();
    }

    /** A new instance of the gateway, as the host makes one. */
    public StripeGateway gateway() {
        return new StripeGateway(context);
    }

    /** Another instance of the gateway, over the same database, whose Stripe address is a port nothing listens on. */
    public StripeGateway unreachableGateway() {
        Map<String, String> down = new HashMap<>(settings);
        down.put(StripeSettings.BASE_URL, closedPortUrl());
        return new StripeGateway(new Context(TestPluginContext.of(PLUGIN_ID, jdbi, clock), http,
                key -> Optional.ofNullable(down.get(key))));
    }

    /** Points the gateway at a port nothing listens on. */
    public void providerDown() {
        settings.put(StripeSettings.BASE_URL, closedPortUrl());
    }

    private static String closedPortUrl() {
        try (ServerSocket free = new ServerSocket(0)) {
            return "http://127.0.0.1:" + free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void providerUp() {
        settings.put(StripeSettings.BASE_URL, baseUrl());
    }

    // ------------------------------------------------------------------------------------------------ payments

    /** A payment of {@code amount} (e.g. {@code 129.50 DKK}) by card under a new key, as the host asks for one. */
    public PaymentRequest request(String amount, String currency) {
        return request(IdempotencyKey.of("pay:" + UUID.randomUUID()), amount, currency);
    }

    /** A payment of {@code amount} by card under {@code key}. */
    public PaymentRequest request(IdempotencyKey key, String amount, String currency) {
        String paymentId = "payment-" + UUID.randomUUID();
        return new PaymentRequest(key, Money.of(amount, currency),
                PaymentMethodType.CARD, "2030-0042", "Invoice 2030-0042", "customer-7", URI.create(RETURN_URL),
                URI.create(RETURN_URL), Map.of("paymentId", paymentId));
    }

    /**
     * Makes Stripe answer the purchase of {@code request} (under its key) with a new open Checkout Session, and show
     * that session as open until the payment moves on.
     */
    public Session checkout(PaymentRequest request) {
        Session session = new Session("cs_test_a1" + random(56), "pi_3" + random(23), "ch_3" + random(23), request);
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo(request.key().value()))
                .willReturn(json(200, sessionJson(session, "open", "unpaid", null))));
        showSession(session, "open", "unpaid", null);
        sessions.put(session.id(), session);
        return session;
    }

    /** The session the fixture answered with that id, e.g. the reference of a purchase. */
    public Session session(String id) {
        Session session = sessions.get(id);
        if (session == null) {
            throw new IllegalArgumentException("the fixture made no session " + id);
        }
        return session;
    }

    /** The customer paid by card: the session is complete and paid, and its charge can be refunded. */
    public void paid(Session session) {
        showSession(session, "complete", "paid", "succeeded");
        refunds.charged(session);
    }

    /** The customer chose an asynchronous method (SEPA debit): the session is complete, the payment processing. */
    public void processing(Session session) {
        showSession(session, "complete", "unpaid", "processing");
    }

    /** The asynchronous payment failed: the session stays complete and unpaid, its PaymentIntent failed. */
    public void debitFailed(Session session) {
        showSession(session, "complete", "unpaid", "requires_payment_method");
    }

    public void expired(Session session) {
        showSession(session, "expired", "unpaid", null);
    }

    private void showSession(Session session, String status, String paymentStatus, String intentStatus) {
        String intent = intentStatus == null ? null : intentJson(session, intentStatus);
        stripe.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session.id()))
                .withQueryParam("expand[]", equalTo("payment_intent"))
                .willReturn(json(200, sessionJson(session, status, paymentStatus, intent))));
        stripe.stubFor(get(urlEqualTo("/v1/checkout/sessions/" + session.id()))
                .willReturn(json(200, sessionJson(session, status, paymentStatus,
                        intent == null ? null : quoted(session.paymentIntent())))));
        stripe.stubFor(get(urlEqualTo("/v1/payment_intents/" + session.paymentIntent()))
                .willReturn(intent == null ? json(404, "{\"error\": {\"code\": \"resource_missing\", \"message\": "
                        + "\"No such payment_intent: '" + session.paymentIntent() + "'\", \"param\": \"intent\", "
                        + "\"type\": \"invalid_request_error\"}}") : json(200, intent)));
    }

    /**
     * The session as Stripe shows it.
     *
     * @param intent the {@code payment_intent} field as JSON: null, a quoted id or the expanded object
     */
    public String sessionJson(Session session, String status, String paymentStatus, String intent) {
        PaymentRequest request = session.request();
        Map<String, Object> values = new HashMap<>();
        values.put("id", session.id());
        values.put("amount", session.amount());
        values.put("client_reference_id", request.metadata().get("paymentId"));
        values.put("created", clock.instant().getEpochSecond());
        values.put("currency", session.currency());
        values.put("customer_details", status.equals("complete") ? "{\"address\": {\"city\": null, \"country\": \"DK\", "
                + "\"line1\": null, \"line2\": null, \"postal_code\": null, \"state\": null}, \"email\": "
                + "\"eva@example.com\", \"name\": \"Eva Jensen\", \"phone\": null, \"tax_exempt\": \"none\", "
                + "\"tax_ids\": []}" : "null");
        values.put("expires_at", clock.instant().plus(Duration.ofHours(24)).getEpochSecond());
        values.put("key", request.key().value());
        values.put("reference", request.reference());
        values.put("payment_intent", intent == null ? "null" : intent);
        values.put("payment_method_types", paymentStatus.equals("paid") || intent == null ? "[\"card\"]"
                : "[\"card\", \"sepa_debit\"]");
        values.put("payment_status", paymentStatus);
        values.put("status", status);
        values.put("url", status.equals("open") ? quoted("https://checkout.stripe.com/c/pay/" + session.id()
                + "#fidkdWxOYHwnPyd1blpxYHZxWjA0T2tKNmFLQ2RhYE5nU1FxZ0ZcTnJ8cHRLXXxSPFJ1ZmdoNE1LQ2tHaDJpZ2hGVmlz") : "null");
        return fill("templates/checkout-session.json", values);
    }

    /** The session's PaymentIntent as Stripe shows it in {@code status}. */
    public String intentJson(Session session, String status) {
        boolean sepa = !status.equals("succeeded");
        Map<String, Object> values = new HashMap<>();
        values.put("id", session.paymentIntent());
        values.put("amount", session.amount());
        values.put("amount_received", status.equals("succeeded") ? session.amount() : 0);
        values.put("created", clock.instant().getEpochSecond());
        values.put("currency", session.currency());
        values.put("customer", "null");
        values.put("description", session.request().description());
        values.put("last_payment_error", status.equals("requires_payment_method") ? "{\"code\": \"payment_method_"
                + "provider_decline\", \"decline_code\": \"insufficient_funds\", \"doc_url\": \"https://stripe.com/docs/"
                + "error-codes/payment-method-provider-decline\", \"message\": \"The debit was returned: insufficient "
                + "funds.\", \"type\": \"card_error\"}" : "null");
        values.put("latest_charge", quoted(session.charge()));
        values.put("key", session.request().key().value());
        values.put("reference", session.request().reference());
        values.put("payment_method", quoted(sepa ? "pm_1QdD3pKontorFixtureSepa" : "pm_1QdD3pKontorFixture0Card"));
        values.put("payment_method_options", sepa ? "{\"sepa_debit\": {}}"
                : "{\"card\": {\"installments\": null, \"mandate_options\": null, \"network\": null, "
                + "\"request_three_d_secure\": \"automatic\"}}");
        values.put("payment_method_types", sepa ? "[\"sepa_debit\"]" : "[\"card\"]");
        values.put("processing", status.equals("processing") ? "{\"type\": \"sepa_debit\"}" : "null");
        values.put("status", status);
        return fill("templates/payment-intent.json", values);
    }

    // ------------------------------------------------------------------------------------------------ refunds

    /** A refund of a session's payment as Stripe shows it. */
    public String refundJson(Session session, String refundId, long amount, String status, IdempotencyKey key) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", refundId);
        values.put("amount", amount);
        values.put("balance_transaction", status.equals("succeeded") ? quoted("txn_3" + random(23)) : "null");
        values.put("charge", session.charge());
        values.put("created", clock.instant().getEpochSecond());
        values.put("currency", session.currency());
        values.put("metadata", key == null ? "{}" : "{\"kontor_key\": " + quoted(key.value())
                + ", \"kontor_payment\": " + quoted(session.id()) + "}");
        values.put("payment_intent", session.paymentIntent());
        values.put("status", status);
        return fill("templates/refund.json", values);
    }

    /** Makes Stripe answer the refund under {@code key} with a new refund in {@code status}; its id. */
    public String refundAnswer(Session session, IdempotencyKey key, long amount, String status) {
        String refundId = "re_3" + random(23);
        String refund = refundJson(session, refundId, amount, status, key);
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(key.value()))
                .willReturn(json(200, refund)));
        showRefund(session, refundId, amount, status, key);
        return refundId;
    }

    public void showRefund(Session session, String refundId, long amount, String status, IdempotencyKey key) {
        stripe.stubFor(get(urlEqualTo("/v1/refunds/" + refundId))
                .willReturn(json(200, refundJson(session, refundId, amount, status, key))));
    }

    /**
     * Makes Stripe keep the refunds of paid payments as it does, under any key: within what is left of the charge,
     * once per Idempotency-Key, shown by id and listed (see {@link StripeRefundLedger}). Refunds stubbed per key
     * ({@link #refundAnswer}, {@link #refundRefused}) still answer first.
     */
    public void keepRefunds() {
        ResponseDefinitionBuilder ledger = aResponse().withTransformers(StripeRefundLedger.NAME);
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).atPriority(10).willReturn(ledger));
        stripe.stubFor(get(urlPathEqualTo("/v1/refunds")).atPriority(10).willReturn(ledger));
        stripe.stubFor(get(urlPathMatching("/v1/refunds/[^/]+")).atPriority(8).willReturn(ledger));
    }

    /** Makes Stripe refuse the refund under {@code key} with a recorded error. */
    public void refundRefused(IdempotencyKey key, int status, String errorFile) {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(key.value()))
                .willReturn(json(status, resource("__files/" + errorFile))));
    }

    /** A charge of the session's payment with the refunds Stripe lists in it (API versions before 2022-11-15). */
    public String chargeJson(Session session, long refunded, List<String> refunds) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", session.charge());
        values.put("amount", session.amount());
        values.put("amount_refunded", refunded);
        values.put("created", clock.instant().getEpochSecond());
        values.put("currency", session.currency());
        values.put("payment_intent", session.paymentIntent());
        values.put("refunded", refunded == session.amount());
        String charge = fill("templates/charge.json", values);
        if (refunds == null) {
            return charge;
        }
        String listed = "\"refunds\": {\"object\": \"list\", \"data\": [" + String.join(", ", refunds)
                + "], \"has_more\": false, \"total_count\": " + refunds.size() + ", \"url\": \"/v1/charges/"
                + session.charge() + "/refunds\"},\n  \"review\"";
        return charge.replace("\"review\"", listed);
    }

    // ------------------------------------------------------------------------------------------------ disputes

    public String disputeJson(Session session, long amount, String status, String reason) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", "dp_1" + random(23));
        values.put("amount", amount);
        values.put("amount_plus_fee", amount + 1500);
        values.put("charge", session.charge());
        values.put("created", clock.instant().getEpochSecond());
        values.put("currency", session.currency());
        values.put("due_by", clock.instant().plus(Duration.ofDays(21)).getEpochSecond());
        values.put("payment_intent", session.paymentIntent());
        values.put("reason", reason);
        values.put("status", status);
        return fill("templates/dispute.json", values);
    }

    // ------------------------------------------------------------------------------------------------ webhooks

    /** An event of {@code type} about {@code object} with a new id, as Stripe delivers it. */
    public String event(String type, String object) {
        return event("evt_1" + random(23), type, object);
    }

    public String event(String eventId, String type, String object) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", eventId);
        values.put("created", clock.instant().getEpochSecond());
        values.put("object", object);
        values.put("type", type);
        return fill("templates/event.json", values);
    }

    /**
     * The webhook Stripe sends when a session's payment comes to {@code status} (and Stripe shows it so from then
     * on): PROCESSED {@code checkout.session.completed} paid, PENDING completed but unpaid (an asynchronous method),
     * ERROR {@code checkout.session.async_payment_failed}, CANCELED {@code checkout.session.expired}.
     */
    public WebhookRequest webhookFor(Session session, OutcomeStatus status, String eventId, Instant signedAt) {
        String intent = quoted(session.paymentIntent());
        String event = switch (status) {
            case PROCESSED -> {
                paid(session);
                yield event(eventId, "checkout.session.completed", sessionJson(session, "complete", "paid", intent));
            }
            case PENDING -> {
                processing(session);
                yield event(eventId, "checkout.session.completed", sessionJson(session, "complete", "unpaid", intent));
            }
            case ERROR -> {
                debitFailed(session);
                yield event(eventId, "checkout.session.async_payment_failed",
                        sessionJson(session, "complete", "unpaid", intent));
            }
            case CANCELED -> {
                expired(session);
                yield event(eventId, "checkout.session.expired", sessionJson(session, "expired", "unpaid", null));
            }
            case UNDEFINED -> throw new IllegalArgumentException("Stripe notifies no UNDEFINED payment");
        };
        return signed(event, signedAt, WEBHOOK_SECRET);
    }

    /** The request Stripe sends to the webhook URL for the body, signed now with the endpoint's secret. */
    public WebhookRequest signed(String body) {
        return signed(body, clock.instant(), WEBHOOK_SECRET);
    }

    public WebhookRequest signed(String body, Instant signedAt, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return withSignature(bytes, StripeSignature.header(secret, signedAt, bytes));
    }

    /** The request with the given {@code Stripe-Signature} header (null for none). */
    public static WebhookRequest withSignature(byte[] body, String header) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Content-Type", List.of("application/json; charset=utf-8"));
        headers.put("User-Agent", List.of("Stripe/1.0 (+https://stripe.com/docs/webhooks)"));
        if (header != null) {
            headers.put(StripeSignature.HEADER, List.of(header));
        }
        return new WebhookRequest(headers, body, "54.187.174.169");
    }

    @Override
    public void close() {
        stripe.stop();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    public static String random(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + random(14)).withHeader("Stripe-Version", "2024-06-20")
                .withBody(body);
    }

    /** A recorded template with its {@code ${name}} placeholders filled in. */
    static String fill(String template, Map<String, Object> values) {
        Matcher matcher = PLACEHOLDER.matcher(resource(template));
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(template + " needs a value for " + matcher.group(1));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    static String resource(String name) {
        try (InputStream in = StripeFixture.class.getResourceAsStream("/stripe/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording stripe/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Context(TestPluginContext base, HttpClient http, Settings settings) implements PluginContext {

        @Override
        public String pluginId() {
            return base.pluginId();
        }

        @Override
        public String pluginVersion() {
            return base.pluginVersion();
        }

        @Override
        public Clock clock() {
            return base.clock();
        }

        @Override
        public Jdbi jdbi() {
            return base.jdbi();
        }

        @Override
        public EventPublisher events() {
            return base.events();
        }

        @Override
        public Secrets secrets() {
            return base.secrets();
        }

        @Override
        public HttpClient httpClient() {
            return http;
        }

        @Override
        public Mailer mailer() {
            return base.mailer();
        }

        @Override
        public Logger logger() {
            return base.logger();
        }

        @Override
        public Path dataDir() {
            return base.dataDir();
        }
    }
}
