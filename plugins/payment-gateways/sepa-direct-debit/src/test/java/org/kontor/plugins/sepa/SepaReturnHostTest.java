package org.kontor.plugins.sepa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.SignUp;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * A direct debit the bank returns after the invoice counted as paid: the operator's pain.002 import reaches the host
 * through the plugin's report, the payment is reversed once and the invoice is open again.
 */
@DatabaseTest
class SepaReturnHostTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final TestClock clock = TestClock.at(Instant.parse("2030-03-04T09:00:00Z"));
    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void aDebitReturnedAfterSettlementReopensThePaidInvoiceOnce(Database database) throws Exception {
        Path data = Files.createTempDirectory("sepa-return-test");
        host = KontorHost.start(new ConfigLoader(Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_MODE", "development",
                "KONTOR_PLUGINS_DIR", Path.of("").toAbsolutePath().toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false",
                "KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024",
                "KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1"), new Properties()).load(null, false), clock);
        String operator = host.apiTokens().issue("operator-1", Access.ADMIN, "test");
        HttpResponse<String> unconfigured = send("POST", "/api/v1/p/payment-sepa/admin/files", operator, null, null);
        assertThat(unconfigured.statusCode()).as("no creditor details yet").isEqualTo(422);
        assertThat(json.readTree(unconfigured.body()).path("errors").has(SepaSettings.CREDITOR_NAME)).isTrue();
        host.pluginSettings().save("payment-sepa", new SepaSettings().fields(), Map.of(
                SepaSettings.CREDITOR_NAME, "Kontor Hosting GmbH",
                SepaSettings.CREDITOR_IBAN, "DE89370400440532013000",
                SepaSettings.CREDITOR_BIC, "COBADEFFXXX",
                SepaSettings.CREDITOR_ID, "DE98ZZZ09999999999"));
        String customer = "debtor-" + UUID.randomUUID().toString().substring(0, 8);
        host.customers().create(customer, new SignUp(customer + "@example.de", "correct horse battery", "Jürgen Müller",
                null, "DE", "de", "EUR"), Access.CUSTOMER);
        String customerToken = host.apiTokens().issue(customer, Access.CUSTOMER, "test");
        String admin = host.apiTokens().issue("operator-1", Access.ADMIN, "test");
        HttpResponse<String> mandate = send("POST", "/api/v1/p/payment-sepa/mandates", customerToken, Map.of(
                "reference", "KONTOR-" + customer.substring(7).toUpperCase(), "debtorName", "Jürgen Müller",
                "iban", "DE02120300000000202051", "bic", "BYLADEM1001", "signedOn", "2030-03-01", "scheme", "CORE"), null);
        assertThat(mandate.statusCode()).as(mandate.body()).isEqualTo(201);

        HttpResponse<String> draft = send("POST", "/api/v1/admin/invoices", admin, Map.of("customerId", customer,
                "lines", List.of(Map.of("description", "Webhosting", "quantity", "1", "unitPrice", "119.00",
                        "vatRate", "0"))), null);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String invoiceId = json.readTree(draft.body()).get("id").asText();
        assertThat(send("POST", "/api/v1/admin/invoices/" + invoiceId + "/issue", admin, null, null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> paying = send("POST", "/api/v1/payments", customerToken, Map.of("purpose", "INVOICE",
                "targetId", invoiceId, "gateway", "sepa-direct-debit"), "debit-1");
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        JsonNode payment = json.readTree(paying.body());
        assertThat(payment.get("status").asText()).isEqualTo("PENDING");
        String endToEndId = payment.get("providerReference").asText();

        assertThat(send("POST", "/api/v1/p/payment-sepa/admin/files", admin, null, null).statusCode()).isEqualTo(201);
        clock.advance(Duration.ofDays(40));
        host.payments().janitor().settleOpenPayments();
        assertThat(invoice(admin, invoiceId).get("state").asText()).as("settled after the window").isEqualTo("PAID");

        String report = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>R-2030-04</MsgId><CreDtTm>2030-04-13T08:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>SDD1</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>SDD1-1</OrgnlPmtInfId>
                      <TxInfAndSts>
                        <OrgnlEndToEndId>%s</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                        <StsRsnInf><Rsn><Cd>MD06</Cd></Rsn></StsRsnInf>
                      </TxInfAndSts>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(endToEndId).strip();
        JsonNode imported = json.readTree(sendXml("/api/v1/p/payment-sepa/admin/returns/pain002", admin, report).body());
        assertThat(imported.get("reported").asBoolean()).isTrue();
        assertThat(imported.get("notifications").get(0).get("kind").asText()).isEqualTo("REVERSAL");
        JsonNode reopened = invoice(admin, invoiceId);
        assertThat(reopened.get("state").asText()).isEqualTo("ISSUED");
        assertThat(reopened.get("paid").get("amount").asText()).isEqualTo("0.00");

        JsonNode again = json.readTree(sendXml("/api/v1/p/payment-sepa/admin/returns/pain002", admin, report).body());
        assertThat(again.get("notifications")).isEmpty();
        assertThat(json.readTree(send("POST", "/api/v1/p/payment-sepa/admin/returns/report", admin, null, null).body())
                .get("reported").asBoolean()).as("everything reported again").isTrue();
        assertThat(count("SELECT COUNT(*) FROM payment WHERE refund_of = ? AND reversal = 1 AND reason = 'MD06'",
                payment.get("id").asText())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'PaymentReversed' AND payload LIKE ?",
                "%" + payment.get("id").asText() + "%")).isEqualTo(1);
        assertThat(invoice(admin, invoiceId).get("state").asText()).isEqualTo("ISSUED");
    }

    private JsonNode invoice(String admin, String id) throws Exception {
        return json.readTree(send("GET", "/api/v1/admin/invoices/" + id, admin, null, null).body());
    }

    private long count(String sql, String bind) {
        return host.database().jdbi().withHandle(h -> h.createQuery(sql).bind(0, bind).mapTo(Long.class).one());
    }

    private HttpResponse<String> sendXml(String path, String token, String xml) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, Object body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
