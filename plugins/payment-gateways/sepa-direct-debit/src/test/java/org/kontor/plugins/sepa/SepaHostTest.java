package org.kontor.plugins.sepa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
import org.kontor.host.plugins.Contribution;
import org.kontor.plugins.sepa.file.Pain008Schema;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The plugin in a whole host (development mode, from target/classes): its migration runs, its routes answer with
 * the host's authentication, its gateway is found by the host, and the pre-notification reaches a real SMTP server.
 */
@DatabaseTest
class SepaHostTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private KontorHost host;
    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @DbTest
    void mandatesCollectionsFilesAndReturnsThroughTheHost(Database database) throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        Path data = Files.createTempDirectory("sepa-host-test");
        Map<String, String> environment = Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_MODE", "development",
                "KONTOR_PLUGINS_DIR", Path.of("").toAbsolutePath().toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false",
                "KONTOR_MAIL_SMTP_HOST", "127.0.0.1",
                "KONTOR_MAIL_SMTP_PORT", Integer.toString(smtpPort));
        host = KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), Clock.systemUTC());
        assertThat(host.plugins().activePluginIds()).contains("payment-sepa");
        HttpResponse<String> openApi = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port()
                + "/api/openapi.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(openApi.body()).path("paths").has("/api/v1/p/payment-sepa/admin/files")).isTrue();
        host.pluginSettings().save("payment-sepa", new SepaSettings().fields(), Map.of(
                SepaSettings.CREDITOR_NAME, "Kontor Hosting GmbH",
                SepaSettings.CREDITOR_IBAN, "DE89370400440532013000",
                SepaSettings.CREDITOR_BIC, "COBADEFFXXX",
                SepaSettings.CREDITOR_ID, "DE98ZZZ09999999999"));

        String customer = "cust-" + UUID.randomUUID();
        String customerToken = host.apiTokens().issue(customer, Access.CUSTOMER, "test");
        String strangerToken = host.apiTokens().issue("cust-" + UUID.randomUUID(), Access.CUSTOMER, "test");
        String adminToken = host.apiTokens().issue("admin-1", Access.ADMIN, "test");
        String reference = "KONTOR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        HttpResponse<String> invalid = post(customerToken, "/mandates", "{\"reference\":\"BAD REF\",\"debtorName\":\"X\","
                + "\"iban\":\"DE89370400440532013001\",\"signedOn\":\"2026-01-02\",\"scheme\":\"CORE\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(invalid.body()).path("errors").has("iban")).isTrue();

        HttpResponse<String> created = post(customerToken, "/mandates", "{\"reference\":\"" + reference + "\","
                + "\"debtorName\":\"Jürgen Müller\",\"iban\":\"DE02 1203 0000 0000 2020 51\",\"bic\":\"BYLADEM1001\","
                + "\"signedOn\":\"2026-01-02\",\"scheme\":\"CORE\",\"email\":\"juergen@example.de\",\"language\":\"de\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String mandateId = json.readTree(created.body()).path("id").asText();

        assertThat(get(customerToken, "/mandates").body()).contains(reference);
        assertThat(get(strangerToken, "/mandates").body()).doesNotContain(reference);
        assertThat(get(strangerToken, "/mandates/" + mandateId).statusCode()).isEqualTo(404);
        assertThat(get(customerToken, "/admin/mandates").statusCode()).isEqualTo(403);
        assertThat(get(null, "/mandates").statusCode()).isEqualTo(401);
        assertThat(get(customerToken, "/reseller/mandates").statusCode()).isEqualTo(403);
        String resellerToken = host.apiTokens().issue(customer, Access.RESELLER, "test");
        assertThat(get(resellerToken, "/reseller/mandates").statusCode()).isEqualTo(200);
        assertThat(get(adminToken, "/admin/mandates").body()).contains(reference);

        PaymentGateway gateway = host.plugins().of(PaymentGateway.class).stream().map(Contribution::extension)
                .filter(g -> g.gatewayId().equals("sepa-direct-debit")).findFirst().orElseThrow();
        IdempotencyKey key = IdempotencyKey.of("invoice:" + UUID.randomUUID());
        Outcome<PaymentTransaction> outcome = gateway.purchase(PaymentRequest.of(key, Money.of("119.00", "EUR"),
                PaymentMethodType.SEPA_DIRECT_DEBIT, "INV-2026-0042", "Webhosting", customer));
        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PENDING);

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        String due = DateTimeFormatter.ofPattern("dd.MM.yyyy").format(
                new org.kontor.plugins.sepa.collection.DueDates(14, 1).dueDate(LocalDate.now(ZoneOffset.UTC)));
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("juergen@example.de");
        assertThat(mail.getSubject()).isEqualTo("Lastschrift über 119,00 EUR am " + due);
        assertThat(GreenMailUtil.getBody(mail)).contains("119,00 EUR", due, reference, "DE98ZZZ09999999999");

        HttpResponse<String> file = post(adminToken, "/admin/files", "");
        assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
        JsonNode produced = json.readTree(file.body());
        assertThat(produced.path("transactions").asInt()).isEqualTo(1);
        assertThat(produced.path("controlSum").asText()).isEqualTo("119.00");
        HttpResponse<byte[]> xml = http.send(request(adminToken, "/admin/files/" + produced.path("id").asText()).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xml.statusCode()).isEqualTo(200);
        new Pain008Schema().validate(xml.body());
        assertThat(new String(xml.body(), StandardCharsets.UTF_8)).contains("<SeqTp>FRST</SeqTp>",
                "<MndtId>" + reference + "</MndtId>", "<EndToEndId>" + outcome.reference() + "</EndToEndId>");
        assertThat(Files.list(data.resolve("plugin-data").resolve("payment-sepa").resolve("collections"))
                .map(p -> p.getFileName().toString())).contains(produced.path("messageId").asText() + ".xml");

        String returns = "{\"returns\":[{\"endToEndId\":\"" + outcome.reference() + "\",\"reasonCode\":\"AM04\"}]}";
        JsonNode first = json.readTree(post(adminToken, "/admin/returns", returns).body());
        JsonNode second = json.readTree(post(adminToken, "/admin/returns", returns).body());
        assertThat(first.path("notifications")).hasSize(1);
        assertThat(first.path("notifications").get(0).path("kind").asText()).isEqualTo("REVERSAL");
        assertThat(first.path("notifications").get(0).path("reason").asText()).isEqualTo("AM04");
        assertThat(first.path("notifications").get(0).path("amount").asText()).isEqualTo("119.00");
        assertThat(second.path("notifications")).isEmpty();
        assertThat(second.path("skipped").path(outcome.reference()).asText()).isEqualTo("already returned");
        assertThat(gateway.status(key).code()).isEqualTo("AM04");

        HttpResponse<String> revoked = post(adminToken, "/admin/mandates/" + mandateId + "/revoke", "");
        assertThat(json.readTree(revoked.body()).path("state").asText()).isEqualTo("REVOKED");
        assertThat(post(adminToken, "/admin/mandates/" + mandateId + "/revoke", "").statusCode()).isEqualTo(409);
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(request(token, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String path, String body) throws Exception {
        return http.send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + host.port() + "/api/v1/p/payment-sepa" + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
