package org.kontor.host.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.billing.DraftLine;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.NewDraft;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.CustomerHost;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The customer center's billing pages and the documents API (BIL-3): a customer lists and downloads their own
 * documents and no one else's, and keeps their billing details, in their language, behind CSRF.
 */
@DatabaseTest(migrateHost = true)
class BillingPagesTest {

    private final TestClock clock = TestClock.at(Instant.parse("2035-06-03T08:00:00Z"));
    private KontorHost host;

    @BeforeEach
    void start(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void aCustomerListsAndDownloadsTheirOwnDocumentsAndNoOneElses(Database database) throws Exception {
        Browser owner = signedUp("da");
        Browser stranger = signedUp("en");
        Customer customer = customerOf(owner);
        Invoice invoice = issuedTo(customer);

        HttpResponse<String> page = owner.page("/account/invoices");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(invoice.number()).contains("Faktura")
                .contains("/api/v1/invoices/" + invoice.id() + "/pdf");

        HttpResponse<String> list = owner.json("GET", "/api/v1/invoices", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(invoice.number()).contains("\"total\":\"1250.00\"");

        HttpResponse<byte[]> pdf = download(owner, "/api/v1/invoices/" + invoice.id() + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(invoice.number());
        }

        assertThat(stranger.json("GET", "/api/v1/invoices/" + invoice.id(), null).statusCode()).isEqualTo(404);
        assertThat(download(stranger, "/api/v1/invoices/" + invoice.id() + "/pdf").statusCode()).isEqualTo(404);
        assertThat(stranger.page("/account/invoices").body()).doesNotContain(invoice.number());
        assertThat(new Browser(host.port()).json("GET", "/api/v1/invoices", null).statusCode()).isEqualTo(401);
    }

    @DbTest
    void billingDetailsAreCheckedInTheCustomersLanguageAndTheExclusionsStayTheOperators(Database database)
            throws Exception {
        Browser browser = signedUp("de");
        Customer customer = customerOf(browser);
        host.billing().profiles().save(new BillingProfile(customer.id(), List.of(), null, null, null, null, null, null,
                false, true));
        String token = Browser.csrfToken(browser.page("/account/billing"));

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        form.put("street", "Nørregade 7\nBaghuset");
        form.put("postalCode", "1165");
        form.put("city", "København K");
        form.put("vatId", "DK1234");
        form.put("registrationNumber", "");
        form.put("invoiceEmail", "bogholderi@example.dk");
        form.put("delivery", "EMAIL_AND_POST");
        form.put("invoicingExcluded", "1");
        HttpResponse<String> refused = browser.form("/account/billing", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("keine gültig aufgebaute USt-IdNr.");
        assertThat(host.billing().profiles().of(customer.id()).street()).as("nothing saved").isEmpty();

        form.put("vatId", "DK 13 58 56 28");
        Map<String, String> withoutToken = new LinkedHashMap<>(form);
        withoutToken.remove("_csrf");
        assertThat(browser.form("/account/billing", withoutToken).statusCode()).isEqualTo(403);

        assertThat(browser.form("/account/billing", form).statusCode()).isEqualTo(200);
        BillingProfile saved = host.billing().profiles().of(customer.id());
        assertThat(saved.street()).containsExactly("Nørregade 7", "Baghuset");
        assertThat(saved.vatId()).isEqualTo("DK13585628");
        assertThat(saved.invoiceEmail()).isEqualTo("bogholderi@example.dk");
        assertThat(saved.delivery().name()).isEqualTo("EMAIL_AND_POST");
        assertThat(saved.invoicingExcluded()).as("not the customer's to set").isFalse();
        assertThat(saved.dunningExcluded()).as("the operator's setting stays").isTrue();
        assertThat(host.billing().profiles().buyer(customer.id()).orElseThrow().vatId()).isEqualTo("DK13585628");
    }

    private Invoice issuedTo(Customer customer) {
        String draft = host.billing().store().createDraft(new NewDraft(Series.INVOICE, customer.id(), null,
                customer.language(), java.util.Currency.getInstance("DKK"), null,
                List.of(DraftLine.of("Web hosting, 12 months", "1", Money.of("1000.00", "DKK")))));
        return host.billing().invoicing().issue(draft, host.billing().profiles().buyer(customer.id()).orElseThrow());
    }

    private Browser signedUp(String language) throws Exception {
        Browser browser = new Browser(host.port());
        browser.language = language;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", Browser.csrfToken(browser.page("/account/signup")));
        form.put("email", "billing-" + UUID.randomUUID() + "@example.dk");
        form.put("password", "en god lang adgangskode");
        form.put("name", "Karen Kunde");
        form.put("company", "");
        form.put("country", "DK");
        form.put("language", language);
        form.put("currency", "DKK");
        HttpResponse<String> answer = browser.form("/account/signup", form);
        assertThat(answer.statusCode()).isEqualTo(303);
        return browser;
    }

    private Customer customerOf(Browser browser) throws Exception {
        String body = browser.json("GET", "/api/v1/customers/me", null).body();
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("id").asText();
        return host.customers().find(id).orElseThrow();
    }

    private HttpResponse<byte[]> download(Browser browser, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Cookie", browser.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
