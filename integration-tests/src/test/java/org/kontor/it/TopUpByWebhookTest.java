package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * A reseller's top-up paid at a card gateway (PA-5, PAY-3): the gateway's webhook, delivered three times at once, makes
 * the payment processed and its {@code PaymentSucceeded} event in one commit, and the prepaid account plugin credits
 * the account exactly once; a redelivery later changes nothing.
 */
@DatabaseTest
class TopUpByWebhookTest {

    private static final String PREPAID = "/api/v1/p/prepaid-account";
    private static final String GATEWAY = "test-gateway";
    private static final String SECRET = "test-gateway-webhook-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void aTopUpPaidByCardIsCreditedOnceThoughItsWebhookArrivesThreeTimesAtOnce(Database database) throws Exception {
        Path data = Files.createTempDirectory("kontor-top-up-webhook-test");
        host = KontorHost.start(new ConfigLoader(Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_DIR", TestPlugins.deploy(data.resolve("plugins"), GATEWAY, "prepaid-account").toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false",
                "KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024",
                "KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1"), new Properties()).load(null, false), Clock.systemUTC());
        assertThat(host.plugins().activePluginIds()).contains(GATEWAY, "prepaid-account");
        String admin = host.apiTokens().issue("operator-1", Access.ADMIN, "test");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String scheme = "card-dkk-" + suffix;
        HttpResponse<String> created = send("POST", PREPAID + "/admin/schemes", admin, Map.of("id", scheme,
                "name", "Deposit in DKK", "currency", "DKK", "minimumTopUp", "100.00"), null);
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);

        String resellerId = "card-reseller-" + suffix;
        host.customers().create(resellerId, new SignUp(resellerId + "@example.com", "correct horse battery",
                "Jonas Holm", "Holm Hosting ApS", "DK", "en", "DKK"), Access.RESELLER);
        String reseller = host.apiTokens().issue(resellerId, Access.RESELLER, "test");
        HttpResponse<String> applied = send("POST", PREPAID + "/applications", reseller, Map.of("scheme", scheme), null);
        assertThat(applied.statusCode()).as(applied.body()).isBetween(200, 201);
        String accountId = json.readTree(applied.body()).get("id").asText();
        HttpResponse<String> approved = send("POST", PREPAID + "/admin/applications/" + accountId + "/approve", admin,
                null, null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        BigDecimal before = balance(reseller);

        HttpResponse<String> requested = send("POST", PREPAID + "/account/top-ups", reseller, Map.of("amount", "500"),
                null);
        assertThat(requested.statusCode()).as(requested.body()).isBetween(200, 201);
        String topUpId = json.readTree(requested.body()).get("id").asText();
        HttpResponse<String> paying = send("POST", "/api/v1/payments", reseller, Map.of("purpose", "TOP_UP",
                "targetId", topUpId, "gateway", GATEWAY), "card-top-up-" + topUpId);
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        JsonNode payment = json.readTree(paying.body());
        String paymentId = payment.get("id").asText();
        assertThat(payment.get("status").asText()).isEqualTo("PENDING");
        String reference = payment.get("providerReference").asText();

        String body = "event=evt-top-up-" + paymentId + "&reference=" + reference + "&status=PROCESSED&amount="
                + payment.at("/amount/amount").asText() + "&currency=DKK";
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deliveries.add(pool.submit((Callable<HttpResponse<String>>) () -> webhook(body)));
        }
        for (Future<HttpResponse<String>> delivery : deliveries) {
            assertThat(delivery.get().statusCode()).as(delivery.get().body()).isEqualTo(200);
        }
        pool.shutdown();

        JsonNode paid = json.readTree(send("GET", "/api/v1/payments/" + paymentId, reseller, null, null).body());
        assertThat(paid.get("status").asText()).isEqualTo("PROCESSED");
        assertThat(paid.get("applied").asBoolean()).as("applied with the webhook, not left for the janitor").isTrue();
        assertThat(count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentSucceeded' AND payload LIKE ?",
                "%" + paymentId + "%")).isEqualTo(1);
        assertThat(awaitTopUp(reseller, topUpId)).isEqualTo("PAID");
        assertThat(balance(reseller).subtract(before)).isEqualByComparingTo("500");

        assertThat(webhook(body).statusCode()).as("a redelivery later").isEqualTo(200);
        host.payments().janitor().settleOpenPayments();
        Thread.sleep(300);
        assertThat(balance(reseller).subtract(before)).isEqualByComparingTo("500");
        assertThat(count("SELECT COUNT(*) FROM webhook_inbox WHERE gateway = ? AND body = ?", GATEWAY, body))
                .as("every delivery is stored").isEqualTo(4);
    }

    private BigDecimal balance(String token) throws Exception {
        JsonNode balance = json.readTree(send("GET", PREPAID + "/account", token, null, null).body())
                .at("/account/balance");
        return new BigDecimal((balance.isObject() ? balance.get("amount") : balance).asText());
    }

    private String awaitTopUp(String token, String topUpId) throws Exception {
        String state = "";
        for (int i = 0; i < 100 && !state.equals("PAID"); i++) {
            for (JsonNode topUp : json.readTree(send("GET", PREPAID + "/account/top-ups", token, null, null).body())) {
                if (topUp.path("id").asText().equals(topUpId)) {
                    state = topUp.path("state").asText();
                }
            }
            if (!state.equals("PAID")) {
                Thread.sleep(100);
            }
        }
        return state;
    }

    private HttpResponse<String> webhook(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + "/hooks/" + GATEWAY
                        + "/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Test-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(
                        body.getBytes(StandardCharsets.UTF_8))))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
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
}
