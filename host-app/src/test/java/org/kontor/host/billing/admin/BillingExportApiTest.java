package org.kontor.host.billing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.billing.InvoiceStore;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** The accounting export (BIL-4): documents one row per VAT rate, payments, as CSV and as JSON. */
@DatabaseTest
class BillingExportApiTest {

    private static final String PATH = "/api/v1/admin/billing/export";

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-10T10:00:00Z"));
    private BillingHost billing;

    @AfterEach
    void stop() {
        if (billing != null) {
            billing.close();
        }
    }

    @DbTest
    void documentsAndPaymentsOfAPeriodAsCsvAndJson(Database database) throws Exception {
        billing = BillingHost.start(database, clock);
        String admin = billing.adminToken();
        Customer customer = billing.customer("cust-dk", "jens@example.com", "Hansen \"Data\", ApS", "DK", "DKK");
        String invoiceId = issue(admin, customer, List.of(
                Map.of("description", "Support", "quantity", "2", "unitPrice", "500.00"),
                Map.of("description", "Book", "quantity", "1", "unitPrice", "80.00", "vatRate", "0")));
        JsonNode invoice = billing.read(billing.send("GET", "/api/v1/admin/invoices/" + invoiceId, admin, null));
        InvoiceStore store = billing.host.billing().store();
        store.recordPayment(invoiceId, Money.of("1000.00", "DKK"), invoice.get("paymentReference").asText(), "bank:1");
        clock.advance(Duration.ofDays(25));
        JsonNode storno = billing.read(billing.send("POST", "/api/v1/admin/invoices/" + invoiceId + "/cancel", admin,
                Map.of("reason", "wrong customer")));
        clock.advance(Duration.ofDays(30));
        String next = issue(admin, customer, List.of(Map.of("description", "Next period", "quantity", "1",
                "unitPrice", "1.00")));
        store.recordPayment(next, Money.of("1.25", "DKK"), "=SUM(A1:A9)", "bank:2");

        HttpResponse<String> csv = billing.send("GET", PATH + "?from=2030-06-01&to=2030-07-31&kind=documents", admin,
                null, "text/csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("\r\n").contains("\"Hansen \"\"Data\"\", ApS\"");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).extracting(row -> row.get("document_type") + " " + row.get("vat_rate") + " " + row.get("net")
                        + " " + row.get("vat") + " " + row.get("gross"))
                .containsExactly("INVOICE 25 1000.00 250.00 1250.00", "INVOICE 0 80.00 0.00 80.00",
                        "CREDIT_NOTE 25 -1000.00 -250.00 -1250.00", "CREDIT_NOTE 0 -80.00 0.00 -80.00");
        CSVRecord first = rows.get(0);
        assertThat(first.get("number")).isEqualTo(invoice.get("number").asText());
        assertThat(first.get("issue_date")).isEqualTo("2030-06-10");
        assertThat(first.get("due_date")).isEqualTo("2030-06-24");
        assertThat(first.get("customer_id")).isEqualTo("cust-dk");
        assertThat(first.get("buyer_name")).isEqualTo("Hansen \"Data\", ApS");
        assertThat(first.get("buyer_country")).isEqualTo("DK");
        assertThat(first.get("vat_treatment")).isEqualTo("DOMESTIC");
        assertThat(first.get("currency")).isEqualTo("DKK");
        assertThat(first.get("document_gross")).isEqualTo("1330.00");
        assertThat(first.get("paid")).isEqualTo("1000.00");
        assertThat(first.get("corrects_number")).isEmpty();
        assertThat(rows.get(2).get("corrects_number")).isEqualTo(invoice.get("number").asText());
        assertThat(rows.get(2).get("number")).isEqualTo(storno.at("/creditNote/number").asText());
        assertThat(rows.get(2).get("issue_date")).isEqualTo("2030-07-05");

        HttpResponse<String> jsonAnswer = billing.send("GET", PATH + "?from=2030-06-01&to=2030-06-30", admin, null,
                "application/json");
        assertThat(billing.undocumented("GET", PATH, jsonAnswer)).isEmpty();
        JsonNode json = billing.read(jsonAnswer);
        assertThat(json.get("kind").asText()).isEqualTo("documents");
        assertThat(json.get("rows")).hasSize(2);
        assertThat(json.at("/rows/0/net").asText()).isEqualTo("1000.00");
        assertThat(json.at("/rows/0/vatRate").asText()).isEqualTo("25");

        JsonNode payments = billing.read(billing.send("GET", PATH + "?from=2030-06-01&to=2030-06-30&kind=payments",
                admin, null, "application/json"));
        assertThat(payments.get("rows")).hasSize(1);
        assertThat(payments.at("/rows/0/date").asText()).isEqualTo("2030-06-10");
        assertThat(payments.at("/rows/0/documentNumber").asText()).isEqualTo(invoice.get("number").asText());
        assertThat(payments.at("/rows/0/amount").asText()).isEqualTo("1000.00");
        assertThat(payments.at("/rows/0/reference").asText()).isEqualTo(invoice.get("paymentReference").asText());
        List<CSVRecord> paymentRows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(billing.send("GET", PATH + "?from=2030-06-01&to=2030-08-31&kind=payments",
                        admin, null, "text/csv").body())).getRecords();
        assertThat(paymentRows).extracting(row -> row.get("date") + " " + row.get("amount"))
                .containsExactly("2030-06-10 1000.00", "2030-08-04 1.25");
        assertThat(paymentRows.get(1).get("reference")).as("no formula for a spreadsheet").isEqualTo("'=SUM(A1:A9)");

        HttpResponse<String> refused = billing.send("GET", PATH + "?from=2030-07-01&to=2030-06-01&kind=everything",
                admin, null, "text/csv");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(billing.read(refused).get("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("to", "kind");
        assertThat(billing.read(billing.send("GET", PATH + "?to=2030-06-01", admin, null)).at("/errors/from").asText())
                .isNotBlank();
    }

    private String issue(String admin, Customer customer, List<Map<String, Object>> lines) throws Exception {
        HttpResponse<String> created = billing.send("POST", "/api/v1/admin/invoices", admin,
                Map.of("customerId", customer.id(), "lines", lines));
        String id = billing.read(created).get("id").asText();
        HttpResponse<String> issued = billing.send("POST", "/api/v1/admin/invoices/" + id + "/issue", admin, null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return id;
    }
}
