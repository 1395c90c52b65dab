package org.kontor.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.IdempotencyKey;
import org.kontor.api.outcome.Outcome;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.payment.PaymentRequest;
import org.kontor.api.payment.PaymentTransaction;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The shipped bank transfer plugin in a running host: its migrations run, its gateway takes a payment, and the operator
 * uploads a Danish camt.053 (raw body) and a Czech MT940 (multipart) over HTTP, lists the queue and resolves an entry.
 */
@DatabaseTest
class BankTransferPluginEndToEndTest {

    private static final String ID = "payment-bank-transfer";
    private static final String API = "/api/v1/p/" + ID;

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
    void takesAPaymentAndMatchesUploadedStatements(Database database) throws Exception {
        Path data = Files.createTempDirectory("kontor-bank-transfer-test");
        Path plugins = TestPlugins.deploy(data.resolve("plugins"), ID);
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", plugins.toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        host = KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), Clock.systemUTC());
        assertThat(host.plugins().activePluginIds()).contains(ID);
        String admin = host.apiTokens().issue("operator-1", Access.ADMIN, "test");
        String customer = host.apiTokens().issue("customer-7", Access.CUSTOMER, "test");
        String stranger = host.apiTokens().issue("customer-8", Access.CUSTOMER, "test");

        HttpResponse<String> saved = send(HttpRequest.newBuilder(uri("/api/v1/plugins/" + ID + "/settings"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"account.holder\":\"Kontor Hosting ApS\","
                        + "\"account.iban\":\"DK5000400440116243\",\"account.bic\":\"DABADKKK\",\"fi.creditor\":\"81234567\","
                        + "\"currencies\":\"DKK,CZK,EUR\"}")).build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        PaymentGateway gateway = host.plugins().of(PaymentGateway.class).stream()
                .filter(c -> c.pluginId().equals(ID)).findFirst().orElseThrow().extension();
        assertThat(gateway.gatewayId()).isEqualTo("bank-transfer");
        IdempotencyKey key = IdempotencyKey.of("payment:e2e:" + System.nanoTime());
        Outcome<PaymentTransaction> purchase = gateway.purchase(new PaymentRequest(key, Money.of("480.00", "DKK"),
                PaymentMethodType.BANK_TRANSFER, "2026-0001", "Webhotel", "customer-7", null, null,
                Map.of("payment-reference", "12345")));
        assertThat(purchase.status()).isEqualTo(OutcomeStatus.PENDING);
        assertThat(purchase.message()).contains("+71<000000000123455+81234567<");

        JsonNode instructions = json.readTree(get(API + "/payments/" + purchase.reference(), customer).body());
        assertThat(instructions.get("reference").asText()).isEqualTo("+71<000000000123455+81234567<");
        assertThat(instructions.get("state").asText()).isEqualTo("PENDING");
        assertThat(get(API + "/payments/" + purchase.reference(), stranger).statusCode()).isEqualTo(404);
        assertThat(get(API + "/admin/queue", customer).statusCode()).isEqualTo(403);

        byte[] danish = statement("danish-bank-camt053-001.02.xml");
        HttpResponse<String> upload = send(HttpRequest.newBuilder(uri(API + "/admin/statements?name=danske.xml"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(danish)).build());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        JsonNode report = json.readTree(upload.body()).at("/imports/0");
        assertThat(report.get("matched").asInt()).isEqualTo(1);
        assertThat(report.get("queued").asInt()).isEqualTo(4);
        assertThat(report.at("/notifications/0/payment").asText()).isEqualTo(purchase.reference());
        assertThat(gateway.status(key).status()).isEqualTo(OutcomeStatus.PROCESSED);

        HttpResponse<String> again = send(HttpRequest.newBuilder(uri(API + "/admin/statements"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.ofByteArray(danish)).build());
        assertThat(json.readTree(again.body()).at("/imports/0/duplicates").asInt()).isEqualTo(5);

        String boundary = "kontor-" + System.nanoTime();
        HttpResponse<String> multipart = send(HttpRequest.newBuilder(uri(API + "/admin/statements"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "csob.sta",
                        statement("czech-bank-mt940.sta")))).build());
        assertThat(multipart.statusCode()).as(multipart.body()).isEqualTo(200);
        assertThat(json.readTree(multipart.body()).at("/imports/0/source").asText()).isEqualTo("csob.sta");
        assertThat(json.readTree(multipart.body()).at("/imports/0/queued").asInt()).isEqualTo(4);

        HttpResponse<String> broken = send(HttpRequest.newBuilder(uri(API + "/admin/statements"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.ofString("no statement")).build());
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.headers().firstValue("Content-Type")).contains("application/problem+json");

        JsonNode queue = json.readTree(get(API + "/admin/queue", admin).body()).get("entries");
        assertThat(queue).hasSize(8);
        String unmatched = null;
        for (JsonNode entry : queue) {
            if (entry.get("reason").asText().equals("UNMATCHED") && entry.get("currency").asText().equals("DKK")) {
                unmatched = entry.get("id").asText();
            }
        }
        assertThat(unmatched).isNotNull();
        HttpResponse<String> refused = post(API + "/admin/queue/" + unmatched + "/resolve", admin, "{}");
        assertThat(refused.statusCode()).isEqualTo(422);
        HttpResponse<String> dismissed = post(API + "/admin/queue/" + unmatched + "/resolve", admin,
                "{\"dismiss\":true,\"note\":\"returned to the payer\"}");
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        assertThat(json.readTree(dismissed.body()).get("state").asText()).isEqualTo("DISMISSED");
        assertThat(json.readTree(dismissed.body()).get("resolvedBy").asText()).isEqualTo("operator-1");
        assertThat(post(API + "/admin/queue/" + unmatched + "/resolve", admin, "{\"dismiss\":true,\"note\":\"x\"}")
                .statusCode()).isEqualTo(409);
        assertThat(json.readTree(get(API + "/admin/queue", admin).body()).get("entries")).hasSize(7);
    }

    private static byte[] statement(String name) throws Exception {
        return Files.readAllBytes(TestPlugins.reactorFolder().resolveSibling("plugins")
                .resolve("payment-gateways/bank-transfer/src/test/resources/statements").resolve(name));
    }

    private static byte[] multipart(String boundary, String filename, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.port() + path);
    }
}
