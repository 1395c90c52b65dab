package org.kontor.host.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The customer's payment pages against a host with the test gateway: paying part of one's own invoice through a form
 * that may be sent twice, the amount checked with messages in the customer's language, the provider's page and the
 * status page it returns to, and nothing of anyone else's to see or pay.
 */
@DatabaseTest
class PaymentPagesTest {

    private static final Pattern REQUEST_KEY = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"");
    private static final String CARD = PaymentsHost.GATEWAY + ":CARD";

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-10T10:00:00Z"));
    private PaymentsHost payments;

    @AfterEach
    void stop() {
        if (payments != null) {
            payments.close();
        }
    }

    @DbTest
    void aCustomerPaysPartOfTheirInvoiceOnceThoughTheFormIsSentTwice(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("part-payer");
        Browser browser = signedIn(customer, "en");
        String invoiceId = payments.issuedInvoice(customer, "250.54");

        HttpResponse<String> invoices = browser.page("/account/invoices");
        assertThat(invoices.body()).contains("href=\"/account/pay/invoice/" + invoiceId + "\"");
        HttpResponse<String> page = browser.page("/account/pay/invoice/" + invoiceId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("id=\"pay-due\">DKK250.54<").contains("value=\"" + CARD + "\"")
                .contains("Payment card").contains("value=\"250.54\"");
        assertThat(requestKey(browser.page("/account/pay/invoice/" + invoiceId)))
                .as("every rendering has a request key of its own").isNotEqualTo(requestKey(page));

        // .77: the test gateway takes it at once
        Map<String, String> form = form(page, "100.77", CARD);
        HttpResponse<String> paid = browser.form("/account/pay/invoice/" + invoiceId, form);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        String location = paid.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/account/payments/invoice:" + invoiceId + ":");
        HttpResponse<String> again = browser.form("/account/pay/invoice/" + invoiceId, form);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).as("the second submit answers the first payment")
                .hasValue(location);
        assertThat(payments.count("SELECT COUNT(*) FROM payment WHERE target_id = ?", invoiceId)).isEqualTo(1);
        assertThat(payments.count("SELECT COUNT(*) FROM invoice_payment WHERE invoice_id = ?", invoiceId)).isEqualTo(1);
        JsonNode invoice = payments.invoice(invoiceId);
        assertThat(invoice.get("state").asText()).isEqualTo("PARTIALLY_PAID");

        HttpResponse<String> status = browser.page(location);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("data-state=\"paid\"").contains("DKK100.77").contains("Back to your invoices");
        assertThat(browser.page("/account/pay/invoice/" + invoiceId).body()).contains("id=\"pay-due\">DKK149.77<")
                .contains(location);
        assertThat(browser.page("/account/payments").body()).contains(location).contains("DKK100.77");

        // the rest, once the invoice is paid the same form answers its first payment and the page has nothing to pay
        HttpResponse<String> rest = browser.form("/account/pay/invoice/" + invoiceId,
                form(browser.page("/account/pay/invoice/" + invoiceId), "149.77", CARD));
        String restLocation = rest.headers().firstValue("Location").orElseThrow();
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("PAID");
        HttpResponse<String> late = browser.form("/account/pay/invoice/" + invoiceId, form);
        assertThat(late.headers().firstValue("Location")).hasValue(location);
        HttpResponse<String> nothingDue = browser.page("/account/pay/invoice/" + invoiceId);
        assertThat(nothingDue.statusCode()).isEqualTo(200);
        assertThat(nothingDue.body()).contains("id=\"pay-nothing-due\"").doesNotContain("id=\"pay-form\"")
                .contains(restLocation);
        assertThat(payments.count("SELECT COUNT(*) FROM payment WHERE target_id = ?", invoiceId)).isEqualTo(2);
        assertThat(browser.page("/account/invoices").body()).doesNotContain("/account/pay/invoice/" + invoiceId);
    }

    @DbTest
    void theAmountIsCheckedWithMessagesInTheCustomersLanguageAndTheFormNeedsItsCsrfToken(Database database)
            throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("da-payer");
        Browser browser = signedIn(customer, "da");
        String invoiceId = payments.issuedInvoice(customer, "250.00");
        String path = "/account/pay/invoice/" + invoiceId;
        HttpResponse<String> page = browser.page(path);
        assertThat(page.body()).contains("Betal faktura").contains("value=\"250,00\"").contains("Betalingskort");

        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("300,00", "Du kan højst betale 250,00");
        refusals.put("250,01", "Du kan højst betale 250,00");
        refusals.put("0", "Beløbet skal være større end 0.");
        refusals.put("-5", "Beløbet skal være større end 0.");
        refusals.put("ti kroner", "Indtast beløbet som et tal");
        refusals.put("10,555", "Indtast beløbet med højst 2 decimaler.");
        refusals.put("", "Indtast det beløb, du vil betale.");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            HttpResponse<String> refused = browser.form(path, form(page, refusal.getKey(), CARD));
            assertThat(refused.statusCode()).as(refusal.getKey()).isEqualTo(422);
            assertThat(refused.body()).as(refusal.getKey()).contains(refusal.getValue())
                    .contains("aria-invalid=\"true\"").contains("id=\"amount-error\"");
        }
        Map<String, String> noChoice = form(page, "100,00", CARD);
        noChoice.remove("option");
        assertThat(browser.form(path, noChoice).body()).contains("Vælg, hvordan du vil betale.");
        assertThat(browser.form(path, form(page, "100,00", "no-such-gateway:CARD")).body())
                .contains("Denne betalingsmåde er ikke længere tilgængelig.");
        assertThat(browser.form(path, form(page, "100,00", PaymentsHost.GATEWAY + ":PAYPAL")).body())
                .as("a method the gateway does not offer").contains("Denne betalingsmåde er ikke længere tilgængelig.");
        assertThat(payments.count("SELECT COUNT(*) FROM payment WHERE target_id = ?", invoiceId)).isZero();

        HttpResponse<String> refused = browser.form(path, form(page, "300,00", CARD));
        assertThat(requestKey(refused)).as("nothing was paid with the key: the corrected form keeps it")
                .isEqualTo(requestKey(page));
        assertThat(refused.body()).as("what was entered stays").contains("value=\"300,00\"");

        Map<String, String> withoutToken = form(page, "1.000,77", CARD);
        withoutToken.put("amount", "100,77");
        withoutToken.remove("_csrf");
        assertThat(browser.form(path, withoutToken).statusCode()).isEqualTo(403);
        Map<String, String> wrongToken = form(page, "100,77", CARD);
        wrongToken.put("_csrf", "forged");
        assertThat(browser.form(path, wrongToken).statusCode()).isEqualTo(403);
        assertThat(payments.count("SELECT COUNT(*) FROM payment WHERE target_id = ?", invoiceId)).isZero();

        HttpResponse<String> grouped = browser.form(path, form(page, "1.000,77", CARD));
        assertThat(grouped.body()).as("grouping and a decimal comma are read").contains("Du kan højst betale 250,00");
        HttpResponse<String> accepted = browser.form(path, form(page, "100,77 DKK", CARD));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        assertThat(payments.invoice(invoiceId).get("paid").get("amount").asText()).isEqualTo("100.77");
    }

    @DbTest
    void theProvidersPageThenTheStatusPageWhichShowsTheOutcomeOnceTheProviderReportsIt(Database database)
            throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("redirected");
        Browser browser = signedIn(customer, "en");
        String invoiceId = payments.issuedInvoice(customer, "80.00");

        HttpResponse<String> started = browser.form("/account/pay/invoice/" + invoiceId,
                form(browser.page("/account/pay/invoice/" + invoiceId), "80.00", CARD));
        assertThat(started.statusCode()).isEqualTo(303);
        String provider = started.headers().firstValue("Location").orElseThrow();
        assertThat(provider).startsWith("https://pay.test-gateway.example/checkout/tg-pay:");
        Payment payment = payments.host.payments().payments().store().ofTarget(PaymentPurpose.INVOICE, invoiceId)
                .get(0);
        String statusPath = "/account/payments/" + payment.id();

        HttpResponse<String> waiting = browser.page(statusPath);
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("data-state=\"waiting\"").contains("href=\"" + provider + "\"")
                .contains("/api/v1/payments/" + payment.id());
        assertThat(attempts(payment.id())).as("the provider was just asked: not again").isEqualTo(1);
        clock.advance(java.time.Duration.ofSeconds(10));
        assertThat(browser.page(statusPath).body()).contains("data-state=\"waiting\"").contains("id=\"payment-continue\"")
                .as("the status answer's message is no instruction").doesNotContain("id=\"payment-instructions\"");
        assertThat(attempts(payment.id())).as("back from the provider's page, the provider is asked").isEqualTo(2);
        assertThat(browser.page(statusPath).statusCode()).isEqualTo(200);
        assertThat(attempts(payment.id())).as("at most every few seconds").isEqualTo(2);
        assertThat(payments.webhook(PaymentsHost.notification("evt-" + payment.id(), payment.providerReference(),
                "PROCESSED", "80.00")).statusCode()).isEqualTo(200);
        HttpResponse<String> done = browser.page(statusPath);
        assertThat(done.body()).contains("data-state=\"paid\"").doesNotContain("id=\"payment-continue\"");
        assertThat(payments.invoice(invoiceId).get("state").asText()).isEqualTo("PAID");

        // declined: the status page offers another try while the invoice is open
        String second = payments.issuedInvoice(customer, "40.66");
        HttpResponse<String> declined = browser.form("/account/pay/invoice/" + second,
                form(browser.page("/account/pay/invoice/" + second), "40.66", CARD));
        String declinedPath = declined.headers().firstValue("Location").orElseThrow();
        assertThat(declinedPath).startsWith("/account/payments/invoice:" + second);
        assertThat(browser.page(declinedPath).body()).contains("data-state=\"failed\"")
                .contains("href=\"/account/pay/invoice/" + second + "\"");
    }

    @DbTest
    void noOneSeesOrPaysAnotherCustomersInvoiceOrPayment(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock);
        Customer owner = payments.customer("owner");
        Customer stranger = payments.customer("stranger");
        Browser ownerBrowser = signedIn(owner, "en");
        Browser strangerBrowser = signedIn(stranger, "en");
        String invoiceId = payments.issuedInvoice(owner, "60.00");
        HttpResponse<String> ownerPage = ownerBrowser.page("/account/pay/invoice/" + invoiceId);
        String location = ownerBrowser.form("/account/pay/invoice/" + invoiceId, form(ownerPage, "10.77", CARD))
                .headers().firstValue("Location").orElseThrow();

        assertThat(strangerBrowser.page("/account/pay/invoice/" + invoiceId).statusCode()).isEqualTo(404);
        assertThat(strangerBrowser.page(location).statusCode()).isEqualTo(404);
        HttpResponse<String> strangerForm = strangerBrowser.page("/account/pay/invoice/no-such-invoice");
        assertThat(strangerForm.statusCode()).isEqualTo(404);
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("_csrf", Browser.csrfToken(strangerBrowser.page("/account")));
        forged.put("requestKey", "forged-1");
        forged.put("amount", "10.77");
        forged.put("option", CARD);
        assertThat(strangerBrowser.form("/account/pay/invoice/" + invoiceId, forged).statusCode()).isEqualTo(404);
        assertThat(payments.count("SELECT COUNT(*) FROM payment WHERE target_id = ?", invoiceId)).isEqualTo(1);
        assertThat(strangerBrowser.page("/account/payments").body()).doesNotContain(invoiceId);
        assertThat(ownerBrowser.page("/account/pay/elsewhere/" + invoiceId).statusCode()).isEqualTo(404);
        assertThat(ownerBrowser.page("/account/pay/order/" + invoiceId).statusCode())
                .as("an invoice's id is no order").isEqualTo(404);

        HttpResponse<String> anonymous = new Browser(payments.host.port()).page("/account/pay/invoice/" + invoiceId);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).startsWith("/account/signin?next=");
    }

    @DbTest
    void theOperatorRecordsAndRefundsPaymentsAndSeesThemSummedByGatewayAndStatus(Database database) throws Exception {
        clock.set(Instant.parse("2031-03-10T10:00:00Z")); // a month of its own: the class's tests share the database
        payments = PaymentsHost.start(database, clock);
        Customer customer = payments.customer("summed");
        String token = payments.tokenOf(customer);
        String admin = payments.adminToken();
        String invoiceId = payments.issuedInvoice(customer, "500.00");
        JsonNode online = payments.read(payments.send("POST", "/api/v1/payments", token, Map.of("purpose", "INVOICE",
                "targetId", invoiceId, "gateway", PaymentsHost.GATEWAY, "amount", money("200.77")), "sum-1"));
        assertThat(online.get("status").asText()).isEqualTo("PROCESSED");
        HttpResponse<String> tooMuch = payments.send("POST", "/api/v1/payments", token, Map.of("purpose", "INVOICE",
                "targetId", invoiceId, "gateway", PaymentsHost.GATEWAY, "amount", money("300.00")), "sum-2");
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(payments.read(tooMuch).get("reason").asText()).isEqualTo("amount-exceeds-outstanding");
        assertThat(payments.read(tooMuch).get("detail").asText()).contains("299.23");
        HttpResponse<String> manual = payments.send("POST", "/api/v1/admin/payments/manual", admin, Map.of(
                "purpose", "INVOICE", "targetId", invoiceId, "amount", money("100.00"), "reference", "bank 4711"), "m-1");
        assertThat(manual.statusCode()).as(manual.body()).isEqualTo(201);
        assertThat(payments.invoice(invoiceId).get("paid").get("amount").asText()).isEqualTo("300.77");
        HttpResponse<String> partial = payments.send("POST", "/api/v1/admin/payments/" + online.get("id").asText()
                + "/refund", admin, Map.of("amount", money("50.00"), "reason", "goodwill"), "r-1");
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(201);
        HttpResponse<String> full = payments.send("POST", "/api/v1/admin/payments/" + payments.read(manual).get("id")
                .asText() + "/refund", admin, Map.of("amount", money("100.00")), "r-2");
        assertThat(full.statusCode()).as(full.body()).isEqualTo(201);
        assertThat(payments.read(full).get("status").asText()).isEqualTo("PROCESSED");
        String pending = payments.issuedInvoice(customer, "30.00");
        assertThat(payments.pay(token, "INVOICE", pending, "sum-3").statusCode()).isEqualTo(201);

        HttpResponse<String> summary = payments.send("GET", "/api/v1/admin/payments/summary?from=2031-03-01T00:00:00Z"
                + "&to=2031-04-01T00:00:00Z", admin, null, null);
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        assertThat(payments.undocumented("GET", "/api/v1/admin/payments/summary", summary)).isEmpty();
        JsonNode body = payments.read(summary);
        assertThat(body.get("totals")).hasSize(1);
        JsonNode dkk = body.get("totals").get(0);
        assertThat(dkk.get("currency").asText()).isEqualTo("DKK");
        assertThat(dkk.get("received").asText()).isEqualTo("300.77");
        assertThat(dkk.get("refunded").asText()).isEqualTo("150.00");
        assertThat(dkk.get("net").asText()).isEqualTo("150.77");
        assertThat(dkk.get("open").asText()).isEqualTo("30.00");
        assertThat(body.get("groups").toString()).contains("\"gateway\":\"manual\",\"kind\":\"PAYMENT\",\"status\":"
                + "\"PROCESSED\",\"count\":1,\"total\":{").contains("\"gateway\":\"test-gateway\",\"kind\":\"PAYMENT\","
                + "\"status\":\"PENDING\",\"count\":1");
        JsonNode empty = payments.read(payments.send("GET", "/api/v1/admin/payments/summary?from=2031-04-01T00:00:00Z"
                + "&to=2031-05-01T00:00:00Z", admin, null, null));
        assertThat(empty.get("groups")).isEmpty();
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(payments.read(payments.send("GET", "/api/v1/admin/payments/summary", admin, null, null))
                .get("totals").get(0).get("received").asText()).as("the last 30 days by default").isEqualTo("300.77");
        HttpResponse<String> backwards = payments.send("GET", "/api/v1/admin/payments/summary?from=2030-07-01T00:00:00Z"
                + "&to=2030-06-01T00:00:00Z", admin, null, null);
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(payments.send("GET", "/api/v1/admin/payments/summary?from=yesterday", admin, null, null)
                .statusCode()).isEqualTo(422);
        assertThat(payments.send("GET", "/api/v1/admin/payments/summary", token, null, null).statusCode())
                .isEqualTo(403);
    }

    @DbTest
    void theNordlysThemeRendersThePaymentPagesWithItsOwnHeader(Database database) throws Exception {
        payments = PaymentsHost.start(database, clock, Map.of("KONTOR_THEMES_DIR", "../themes",
                "KONTOR_THEME_ACTIVE", "nordlys"), PaymentsHost.GATEWAY);
        Customer customer = payments.customer("nordlys");
        Browser browser = signedIn(customer, "de");
        String invoiceId = payments.issuedInvoice(customer, "99.77");
        HttpResponse<String> page = browser.page("/account/pay/invoice/" + invoiceId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("nordlys-header").contains("Rechnung").contains("id=\"pay-form\"");
        String location = browser.form("/account/pay/invoice/" + invoiceId, form(page, "99,77", CARD)).headers()
                .firstValue("Location").orElseThrow();
        HttpResponse<String> status = browser.page(location);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("nordlys-header").contains("data-state=\"paid\"").contains("Bezahlt");
        for (String path : new String[] {"/account/payments", "/account/invoices", "/account"}) {
            HttpResponse<String> other = browser.page(path);
            assertThat(other.statusCode()).as(path).isEqualTo(200);
            assertThat(other.body()).as(path).contains("nordlys-header").contains("href=\"/account/payments\"")
                    .doesNotContain("nav-add-funds");
        }
    }

    private int attempts(String paymentId) {
        return payments.host.payments().payments().store().find(paymentId).orElseThrow().attempts();
    }

    private Browser signedIn(Customer customer, String language) throws Exception {
        Browser browser = new Browser(payments.host.port());
        browser.language = language;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", Browser.csrfToken(browser.page("/account/signin")));
        form.put("email", customer.email());
        form.put("password", "correct horse battery");
        HttpResponse<String> signedIn = browser.form("/account/signin", form);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        return browser;
    }

    /** The pay form of a rendered page, filled in. */
    private static Map<String, String> form(HttpResponse<String> page, String amount, String option) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", Browser.csrfToken(page));
        form.put("requestKey", requestKey(page));
        form.put("amount", amount);
        form.put("option", option);
        return form;
    }

    private static String requestKey(HttpResponse<String> page) {
        Matcher matcher = REQUEST_KEY.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no request key in the page: " + page.body());
        }
        return matcher.group(1);
    }

    private static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "DKK");
    }
}
