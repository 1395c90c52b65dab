package org.kontor.host.billing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** Individual invoices (BIL-7) and corrections (BIL-6) through the operator's API of a running host. */
@DatabaseTest
class AdminInvoicesApiTest {

    private static final String BASE = "/api/v1/admin/invoices";

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-10T10:00:00Z"));
    private BillingHost billing;

    @AfterEach
    void stop() {
        if (billing != null) {
            billing.close();
        }
    }

    @DbTest
    void anIndividualInvoiceIsDraftedChangedIssuedAndThenNeverChanged(Database database) throws Exception {
        billing = BillingHost.start(database, clock);
        String admin = billing.adminToken();
        Customer customer = billing.customer("cust-dk", "jens@example.com", null, "DK", "DKK");

        HttpResponse<String> refused = billing.send("POST", BASE, admin, Map.of("customerId", "nobody",
                "currency", "XYZ1", "supplyDate", "10.06.2030",
                "lines", List.of(Map.of("description", " ", "quantity", "0", "unitPrice", "1.001"))));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(billing.undocumented("POST", BASE, refused)).isEmpty();
        assertThat(billing.read(refused).get("errors").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "customerId", "currency", "supplyDate");
        HttpResponse<String> badLines = billing.send("POST", BASE, admin, Map.of("customerId", customer.id(),
                "lines", List.of(Map.of("description", " ", "quantity", "0", "unitPrice", "1.001", "vatRate", "120"))));
        assertThat(billing.read(badLines).get("errors").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "lines[0].description", "lines[0].quantity", "lines[0].unitPrice", "lines[0].vatRate");

        HttpResponse<String> created = billing.send("POST", BASE, admin, Map.of("customerId", customer.id(),
                "supplyDate", "2030-05-31", "lines", List.of(Map.of("description", "Support, hours", "quantity", "2.5",
                        "unitPrice", "650.00"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode draft = billing.read(created);
        String id = draft.get("id").asText();
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("number").isNull()).isTrue();
        assertThat(draft.get("currency").asText()).as("the customer's").isEqualTo("DKK");
        assertThat(draft.get("language").asText()).isEqualTo("en");
        assertThat(created.headers().firstValue("Location").orElseThrow()).isEqualTo(BASE + "/" + id);
        assertThat(billing.undocumented("POST", BASE, created)).isEmpty();

        HttpResponse<String> changed = billing.send("PUT", BASE + "/" + id + "/lines", admin, Map.of("lines", List.of(
                Map.of("description", "Support, hours", "quantity", "2.5", "unitPrice", "650.00"),
                Map.of("description", "Printed manual", "quantity", 1, "unitPrice", Map.of("amount", "99.95",
                        "currency", "DKK"), "vatRate", "0"))));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(billing.read(changed).get("lines")).hasSize(2);
        assertThat(billing.undocumented("PUT", BASE + "/{id}/lines", changed)).isEmpty();

        HttpResponse<String> issued = billing.send("POST", BASE + "/" + id + "/issue", admin, null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(billing.undocumented("POST", BASE + "/{id}/issue", issued)).isEmpty();
        JsonNode invoice = billing.read(issued);
        assertThat(invoice.get("state").asText()).isEqualTo("ISSUED");
        assertThat(invoice.get("number").asText()).startsWith("INV-2030-");
        assertThat(invoice.get("issueDate").asText()).isEqualTo("2030-06-10");
        assertThat(invoice.get("supplyDate").asText()).isEqualTo("2030-05-31");
        assertThat(invoice.get("vatTreatment").asText()).isEqualTo("DOMESTIC");
        assertThat(invoice.at("/buyer/email").asText()).isEqualTo("jens@example.com");
        assertThat(invoice.at("/net/amount").asText()).isEqualTo("1724.95");
        assertThat(invoice.at("/vat/amount").asText()).as("25 % of 1625.00, none on the zero-rated line")
                .isEqualTo("406.25");
        assertThat(invoice.at("/gross/amount").asText()).isEqualTo("2131.20");

        assertThat(billing.send("PUT", BASE + "/" + id + "/lines", admin, Map.of("lines", List.of())).statusCode())
                .isEqualTo(409);
        assertThat(billing.send("DELETE", BASE + "/" + id, admin, null).statusCode()).isEqualTo(409);
        assertThat(billing.send("POST", BASE + "/" + id + "/issue", admin, null).statusCode()).isEqualTo(409);
        assertThat(billing.read(billing.send("GET", BASE + "/" + id, admin, null)).get("gross"))
                .isEqualTo(invoice.get("gross"));

        String other = billing.read(billing.send("POST", BASE, admin, Map.of("customerId", customer.id(),
                "currency", "EUR", "language", "de"))).get("id").asText();
        HttpResponse<String> empty = billing.send("POST", BASE + "/" + other + "/issue", admin, null);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(billing.read(empty).at("/errors/lines").asText()).isNotBlank();

        HttpResponse<String> listed = billing.send("GET", BASE + "?customer=" + customer.id()
                + "&series=INVOICE&state=ISSUED&from=2030-06-01&to=2030-06-30", admin, null);
        assertThat(billing.undocumented("GET", BASE, listed)).isEmpty();
        JsonNode issuedList = billing.read(listed).get("invoices");
        assertThat(issuedList).extracting(node -> node.get("id").asText()).containsExactly(id);
        JsonNode drafts = billing.read(billing.send("GET", BASE + "?state=DRAFT", admin, null)).get("invoices");
        assertThat(drafts).extracting(node -> node.get("id").asText()).containsExactly(other);
        assertThat(billing.read(billing.send("GET", BASE + "?from=2030-07-01", admin, null)).get("invoices")).isEmpty();
        assertThat(billing.send("GET", BASE + "?state=OPEN&from=x", admin, null).statusCode()).isEqualTo(422);

        assertThat(billing.send("DELETE", BASE + "/" + other, admin, null).statusCode()).isEqualTo(204);
        assertThat(billing.send("GET", BASE + "/" + other, admin, null).statusCode()).isEqualTo(404);
        assertThat(billing.send("GET", BASE, billing.tokenOf(customer), null).statusCode())
                .as("operators only").isEqualTo(403);
        assertThat(billing.send("GET", BASE, null, null).statusCode()).isEqualTo(401);
        assertThat(billing.host.billing().store().find(id).orElseThrow().number())
                .isEqualTo(invoice.get("number").asText());
    }

    @DbTest
    void anIssuedInvoiceIsCancelledOnceAndCreditedNoMoreThanItsLines(Database database) throws Exception {
        billing = BillingHost.start(database, clock);
        String admin = billing.adminToken();
        Customer customer = billing.customer("cust-de", "erika@example.com", null, "DE", "EUR");
        String id = billing.read(billing.send("POST", BASE, admin, Map.of("customerId", customer.id(),
                "lines", List.of(Map.of("description", "Hosting", "quantity", "3", "unitPrice", "10.00"),
                        Map.of("description", "Setup", "quantity", "1", "unitPrice", "25.00"))))).get("id").asText();
        JsonNode invoice = billing.read(billing.send("POST", BASE + "/" + id + "/issue", admin, null));
        assertThat(invoice.get("vatTreatment").asText()).isEqualTo("EU_B2C");

        HttpResponse<String> tooMuch = billing.send("POST", BASE + "/" + id + "/credit-notes", admin, Map.of(
                "reason", "goodwill", "lines", List.of(Map.of("position", 1, "quantity", "4"))));
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(billing.read(tooMuch).at("/errors/lines[0].quantity").asText()).contains("30.00");
        HttpResponse<String> credited = billing.send("POST", BASE + "/" + id + "/credit-notes", admin, Map.of(
                "reason", "goodwill", "lines", List.of(Map.of("position", 1, "quantity", "1"))));
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(201);
        JsonNode partial = billing.read(credited);
        assertThat(partial.at("/creditNote/series").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(billing.undocumented("POST", BASE + "/{id}/credit-notes", credited)).isEmpty();
        assertThat(partial.at("/creditNote/correctsNumber").asText()).isEqualTo(invoice.get("number").asText());
        assertThat(partial.at("/creditNote/net/amount").asText()).isEqualTo("-10.00");
        assertThat(partial.at("/creditNote/vat/amount").asText()).isEqualTo("-1.90");

        HttpResponse<String> noReason = billing.send("POST", BASE + "/" + id + "/cancel", admin, Map.of());
        assertThat(noReason.statusCode()).isEqualTo(422);
        HttpResponse<String> cancelled = billing.send("POST", BASE + "/" + id + "/cancel", admin,
                Map.of("reason", "contract ended"));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(201);
        JsonNode storno = billing.read(cancelled);
        assertThat(storno.get("kind").asText()).isEqualTo("CANCELLATION");
        assertThat(storno.at("/creditNote/net/amount").asText()).isEqualTo("-45.00");
        HttpResponse<String> again = billing.send("POST", BASE + "/" + id + "/cancel", admin,
                Map.of("reason", "again"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(billing.undocumented("POST", BASE + "/{id}/cancel", again)).isEmpty();
        assertThat(billing.read(again).at("/creditNote/id").asText()).isEqualTo(storno.at("/creditNote/id").asText());
        assertThat(billing.read(billing.send("GET", BASE + "/" + id, admin, null)).get("state").asText())
                .isEqualTo("CANCELLED");

        HttpResponse<String> creditsAnswer = billing.send("GET", BASE + "/" + id + "/credits", admin, null);
        assertThat(billing.undocumented("GET", BASE + "/{id}/credits", creditsAnswer)).isEmpty();
        JsonNode credits = billing.read(creditsAnswer);
        assertThat(credits.get("creditNotes")).hasSize(2);
        assertThat(credits.get("lines")).allSatisfy(line -> {
            assertThat(line.at("/remainingNet/amount").asText()).isEqualTo("0.00");
            assertThat(line.at("/remainingVat/amount").asText()).isEqualTo("0.00");
        });
        assertThat(billing.send("POST", BASE + "/" + storno.at("/creditNote/id").asText() + "/cancel", admin,
                Map.of("reason", "x")).statusCode()).as("a credit note is not corrected").isEqualTo(409);
        HttpResponse<String> note = billing.send("GET", BASE + "/" + storno.at("/creditNote/id").asText(), admin, null);
        assertThat(billing.undocumented("GET", BASE + "/{id}", note)).isEmpty();
        assertThat(billing.read(note).at("/correction/reason").asText()).isEqualTo("contract ended");
        assertThat(billing.read(note).at("/correction/refundOwed/amount").asText()).isEqualTo("0.00");
        JsonNode notes = billing.read(billing.send("GET", BASE + "?series=CREDIT_NOTE", admin, null)).get("invoices");
        assertThat(notes).hasSize(2);
    }
}
