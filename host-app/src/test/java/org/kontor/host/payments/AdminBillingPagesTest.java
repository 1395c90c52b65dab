package org.kontor.host.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** The admin's billing documents and payments pages (ADM-7, PAY-1): listed, shown, issued, cancelled and refunded. */
@DatabaseTest
class AdminBillingPagesTest {

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-10T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private PaymentsHost payments;

    @AfterEach
    void stop() {
        if (payments != null) {
            payments.close();
        }
    }

    @DbTest
    void staffIssueADraftAndCancelAnIssuedDocumentOnlyWithAReason(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        String admin = payments.adminToken();
        Customer customer = payments.customer("billed");
        String issuedId = payments.issuedInvoice(customer, "300.00");
        HttpResponse<String> draft = payments.send("POST", "/api/v1/admin/invoices", admin, Map.of("customerId",
                customer.id(), "lines", List.of(Map.of("description", "Consulting", "quantity", "2",
                        "unitPrice", "50.00", "vatRate", "0"))), null);
        String draftId = payments.read(draft).get("id").asText();

        HttpResponse<String> list = page("GET", "/admin/invoices?customer=" + customer.id(), admin, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/admin/invoices/" + issuedId + "\"")
                .contains("href=\"/admin/invoices/" + draftId + "\"");
        assertThat(page("GET", "/admin/invoices?from=yesterday", admin, null).statusCode()).isEqualTo(422);

        HttpResponse<String> issued = page("POST", "/admin/invoices/" + draftId + "/issue", admin, Map.of());
        assertThat(issued.statusCode()).isEqualTo(303);
        assertThat(payments.invoice(draftId).get("state").asText()).isEqualTo("ISSUED");
        assertThat(page("POST", "/admin/invoices/" + draftId + "/issue", admin, Map.of()).statusCode())
                .as("issued once").isEqualTo(409);

        HttpResponse<String> noReason = page("POST", "/admin/invoices/" + issuedId + "/cancel", admin,
                Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("id=\"invoice-errors\"");
        assertThat(payments.invoice(issuedId).get("state").asText()).isEqualTo("ISSUED");
        HttpResponse<String> cancelled = page("POST", "/admin/invoices/" + issuedId + "/cancel", admin,
                Map.of("reason", "Ordered twice"));
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(payments.invoice(issuedId).get("state").asText()).isEqualTo("CANCELLED");
        HttpResponse<String> shown = page("GET", "/admin/invoices/" + issuedId, admin, null);
        assertThat(shown.body()).contains("id=\"invoice-corrections\"").contains("Ordered twice")
                .contains("/api/v1/invoices/" + issuedId + "/pdf").doesNotContain("id=\"invoice-cancel\"");

        String support = payments.host.apiTokens().issue("support-1", Access.SUPPORT, "test");
        assertThat(page("GET", "/admin/invoices/" + issuedId, support, null).statusCode()).isEqualTo(200);
        assertThat(page("POST", "/admin/invoices/" + draftId + "/cancel", support, Map.of("reason", "x")).statusCode())
                .isEqualTo(403);
        assertThat(page("GET", "/admin/invoices", payments.tokenOf(customer), null).statusCode()).isEqualTo(403);
        assertThat(page("GET", "/admin/invoices/nothing", admin, null).statusCode()).isEqualTo(404);
    }

    @DbTest
    void staffRefundPartOfAProcessedPaymentOnceThoughTheFormIsSentTwice(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        String admin = payments.adminToken();
        Customer customer = payments.customer("refunded");
        String invoiceId = payments.issuedInvoice(customer, "125.00");
        JsonNode payment = payments.read(payments.pay(payments.tokenOf(customer), "INVOICE", invoiceId, "pay-1"));
        String paymentId = payment.get("id").asText();
        assertThat(payments.webhook(PaymentsHost.notification("evt-" + paymentId,
                payment.get("providerReference").asText(), "PROCESSED", "125.00")).statusCode()).isEqualTo(200);

        HttpResponse<String> list = page("GET", "/admin/payments?status=PROCESSED&customer=" + customer.id(), admin, null);
        assertThat(list.body()).contains("data-payment=\"" + paymentId + "\"");
        HttpResponse<String> shown = page("GET", "/admin/payments/" + paymentId, admin, null);
        assertThat(shown.body()).contains("id=\"refund-form\"").contains("value=\"125.00\"");

        HttpResponse<String> tooMuch = page("POST", "/admin/payments/" + paymentId + "/refund", admin,
                Map.of("amount", "200.00", "reason", "Goodwill", "requestKey", "form-1"));
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("The refunds would exceed the payment.");
        Map<String, String> form = Map.of("amount", "25,00", "reason", "Goodwill", "requestKey", "form-2");
        assertThat(page("POST", "/admin/payments/" + paymentId + "/refund", admin, form).statusCode()).isEqualTo(303);
        assertThat(page("POST", "/admin/payments/" + paymentId + "/refund", admin, form).statusCode()).isEqualTo(303);
        assertThat(payments.count("SELECT COUNT(*) FROM payment WHERE refund_of = ?", paymentId)).isEqualTo(1);
        assertThat(page("GET", "/admin/payments/" + paymentId, admin, null).body())
                .contains("id=\"payment-refunds\"").contains("100.00");
    }

    private HttpResponse<String> page(String method, String path, String token, Map<String, String> form)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + payments.host.port() + path))
                .header("Accept", "text/html").header("Authorization", "Bearer " + token);
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").method(method,
                    HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"))));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
