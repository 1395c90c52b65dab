package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * A reseller's top-up paid by bank transfer against the demo (PA-5): the payment quotes a reference, the bank statement
 * that carries it is uploaded and matched by the bank transfer plugin, the host's payment janitor learns the payment
 * arrived, and the prepaid account plugin credits the top-up once; the same statement again credits nothing.
 */
@DatabaseTest
class TopUpByBankTransferTest {

    private static final String PREPAID = "/api/v1/p/prepaid-account";

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void aTopUpPaidByTransferIsCreditedOnceWhenItsStatementIsImported(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String token = DemoData.RESELLER_TOKEN;
        HttpResponse<String> requested = demo.send("POST", PREPAID + "/account/top-ups", Map.of("amount", "1250"), token);
        assertThat(requested.statusCode()).as(requested.body()).isBetween(200, 201);
        String topUpId = demo.json(requested).get("id").asText();
        String balanceBefore = demo.account().at("/balance/amount").asText();

        HttpResponse<String> paying = demo.send("POST", "/api/v1/payments", Map.of("purpose", "TOP_UP",
                "targetId", topUpId, "gateway", "bank-transfer"), token, "top-up-" + topUpId);
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        JsonNode payment = demo.json(paying);
        assertThat(payment.get("status").asText()).isEqualTo("PENDING");
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("reference (RF[0-9A-Z ]+)\\.")
                .matcher(payment.get("instructions").asText());
        assertThat(quoted.find()).as(paying.body()).isTrue();
        String reference = quoted.group(1);

        String statement = statement(topUpId.substring(0, 8), reference.replace(" ", ""));
        HttpResponse<String> imported = upload(statement);
        assertThat(imported.statusCode()).as(imported.body()).isBetween(200, 201);
        assertThat(imported.body()).as(() -> "the credit matched its payment " + paying.body() + " "
                + queue()).contains("\"matched\":1");
        demo.clock.advance(Duration.ofMinutes(20));
        demo.host.payments().janitor().settleOpenPayments();

        assertThat(awaitTopUp(token, topUpId)).isEqualTo("PAID");
        assertThat(demo.json(demo.send("GET", "/api/v1/payments/" + payment.get("id").asText(), null, token))
                .get("status").asText()).isEqualTo("PROCESSED");
        String balanceAfter = demo.account().at("/balance/amount").asText();
        assertThat(new java.math.BigDecimal(balanceAfter).subtract(new java.math.BigDecimal(balanceBefore)))
                .isEqualByComparingTo("1250");

        assertThat(upload(statement).statusCode()).as("the same statement again").isBetween(200, 201);
        demo.host.payments().janitor().settleOpenPayments();
        assertThat(demo.account().at("/balance/amount").asText()).isEqualTo(balanceAfter);
    }

    private String awaitTopUp(String token, String topUpId) throws Exception {
        String state = "";
        for (int i = 0; i < 100 && !state.equals("PAID"); i++) {
            Thread.sleep(100);
            for (JsonNode topUp : demo.json(demo.send("GET", PREPAID + "/account/top-ups", null, token))) {
                if (topUp.path("id").asText().equals(topUpId)) {
                    state = topUp.path("state").asText();
                }
            }
        }
        return state;
    }

    /** An MT940 statement of the demo's account with one credit of 1250.00 DKK carrying the reference. */
    private static String statement(String entry, String reference) {
        return "{1:F01DABADKKKAXXX0000000000}{2:O9400000000000DABADKKKXXXXN}{4:\n"
                + ":20:STMT" + entry + "\n"
                + ":25:DK5000400440116243\n"
                + ":28C:00001/1\n"
                + ":60F:C261123DKK10000,00\n"
                + ":61:2611231123C1250,00NTRFNONREF//DB" + entry + "\n"
                + ":86:INDBETALING " + reference + " DEMO HOSTING APS\n"
                + ":62F:C261123DKK11250,00\n"
                + "-}\n";
    }

    private String queue() {
        try {
            return demo.send("GET", "/api/v1/p/payment-bank-transfer/admin/queue", null, DemoData.ADMIN_TOKEN).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private HttpResponse<String> upload(String statement) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.host.port()
                        + "/api/v1/p/payment-bank-transfer/admin/statements?name=statement.sta"))
                .header("Authorization", "Bearer " + DemoData.ADMIN_TOKEN)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(statement)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
