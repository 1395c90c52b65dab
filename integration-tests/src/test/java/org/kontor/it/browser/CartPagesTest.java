package org.kontor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.demo.DemoData;
import org.kontor.it.DemoHosts;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The cart, checkout and order pages over plain HTTP against the demo: what they refuse is refused with the message
 * at the form in the visitor's language (or 403/404), and leaves the cart as it was.
 */
@DatabaseTest
class CartPagesTest {

    /** One demo host per database: the demo's sandbox settings are sealed with the host's own master key. */
    private static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private static KontorHost host;
    private static String hostDatabase;

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
            host = null;
        }
    }

    @DbTest
    void aFormWithoutTheSessionsCsrfTokenIsRefusedWith403AndAddsNothing(Database database) throws Exception {
        start(database);
        PageClient visitor = new PageClient(host.port());
        visitor.csrfToken();

        HttpResponse<String> forged = visitor.post("/cart/items", Map.of("_csrf", "not-the-token", "domain",
                name("forged"), "operation", "register", "period", "1"));
        HttpResponse<String> without = visitor.post("/cart/items", Map.of("domain", name("forged"),
                "operation", "register", "period", "1"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(visitor.page("/cart").body()).contains("Your cart is empty.");
    }

    @DbTest
    void theSearchPagesAddFormPutsADomainInTheVisitorsCartAndRedirectsToIt(Database database) throws Exception {
        start(database);
        PageClient visitor = new PageClient(host.port());
        String domain = name("add");

        HttpResponse<String> added = visitor.post("/cart/items", Map.of("_csrf", visitor.csrfToken(), "domain", domain,
                "operation", "register", "period", "1"));

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/cart"));
        String cart = visitor.page("/cart").body();
        assertThat(cart).contains("Registration of " + domain).contains("100.00");
    }

    @DbTest
    void aSunriseRegistrationTakesTheSmdFileFromTheFormAndAChangedFileIsRefusedAtItsField(Database database)
            throws Exception {
        start(database);
        PageClient visitor = new PageClient(host.port());
        String token = visitor.csrfToken();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", token);
        fields.put("operation", "register");
        fields.put("domain", "kontor.nu");
        fields.put("period", "1");
        String smd = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "demo", "kontor-sunrise.smd"));

        HttpResponse<String> without = visitor.postWithFile("/cart/items", fields, "signedMark", "", "");
        HttpResponse<String> changed = visitor.postWithFile("/cart/items", fields, "signedMark", "kontor.smd",
                withMarkName(smd, "Kontor Global"));
        HttpResponse<String> valid = visitor.postWithFile("/cart/items", fields, "signedMark", "kontor.smd", smd);

        assertThat(without.statusCode()).isEqualTo(422);
        assertThat(fieldError(without.body(), "add-smd")).contains("a registration needs a signed mark data (SMD) file");
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(fieldError(changed.body(), "add-smd")).contains("The signature of the signed mark data (SMD) file is not valid");
        // The demo's file passes; the demo has no registry for .nu, so the name cannot be checked there.
        assertThat(valid.body()).doesNotContain("id=\"add-smd-error\"");
        assertThat(fieldError(valid.body(), "add-domain")).contains("The registry did not answer");
        assertThat(visitor.page("/cart").body()).contains("Your cart is empty.");
    }

    /** The text of a field's error message on a page. */
    private static String fieldError(String html, String id) {
        int at = html.indexOf("id=\"" + id + "-error\"");
        assertThat(at).as("no error at " + id + " in " + html.replaceAll("(?s)^.*<main", "<main")).isNotNegative();
        return html.substring(at, html.indexOf("</div>", at));
    }

    /** The SMD file with another mark name inside the signed part: its signature no longer matches. */
    private static String withMarkName(String smd, String markName) {
        String begin = "-----BEGIN ENCODED SMD-----";
        String end = "-----END ENCODED SMD-----";
        String encoded = smd.substring(smd.indexOf(begin) + begin.length(), smd.indexOf(end)).replaceAll("\\s", "");
        String xml = new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
        String changed = xml.replace("<mark:markName>Kontor<", "<mark:markName>" + markName + "<");
        assertThat(changed).isNotEqualTo(xml);
        return smd.substring(0, smd.indexOf(begin)) + begin + "\n"
                + java.util.Base64.getMimeEncoder(72, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\n" + end + "\n";
    }

    @DbTest
    void anUnknownItemAndAnInvalidPeriodAreShownAtTheFormAndChangeNothing(Database database) throws Exception {
        start(database);
        PageClient visitor = new PageClient(host.port());
        String token = visitor.csrfToken();
        String domain = name("period");

        HttpResponse<String> unknownRemove = visitor.post("/cart/items/no-such-item/remove", Map.of("_csrf", token));
        HttpResponse<String> unknownChange = visitor.post("/cart/items/no-such-item", Map.of("_csrf", token,
                "period", "2"));
        HttpResponse<String> zero = visitor.post("/cart/items", Map.of("_csrf", token, "domain", domain,
                "operation", "register", "period", "0"));
        HttpResponse<String> words = visitor.post("/cart/items", Map.of("_csrf", token, "domain", domain,
                "operation", "register", "period", "two"));
        HttpResponse<String> tooLong = visitor.post("/cart/items", Map.of("_csrf", token, "domain", domain,
                "operation", "register", "period", "11"));

        assertThat(unknownRemove.statusCode()).isEqualTo(422);
        assertThat(unknownRemove.body()).contains("This item is not in your cart (any more).");
        assertThat(unknownChange.statusCode()).isEqualTo(422);
        assertThat(unknownChange.body()).contains("This item is not in your cart (any more).");
        for (HttpResponse<String> refused : List.of(zero, words, tooLong)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("This period is not offered for this domain.")
                    .contains("id=\"add-period\" name=\"period\" aria-invalid=\"true\"")
                    .contains("value=\"" + domain + "\""); // what was typed stays in the field
        }
        assertThat(visitor.page("/cart").body()).contains("Your cart is empty.");

        // A period the TLD allows changes the item; one it does not is refused at the item.
        visitor.post("/cart/items", Map.of("_csrf", token, "domain", domain, "operation", "register", "period", "1"));
        String itemId = PageClient.all(visitor.page("/cart").body(), "action=\"/cart/items/([0-9a-f-]{36})\"").get(0);
        assertThat(visitor.post("/cart/items/" + itemId, Map.of("_csrf", token, "period", "3")).statusCode()).isEqualTo(303);
        HttpResponse<String> refusedChange = visitor.post("/cart/items/" + itemId, Map.of("_csrf", token, "period", "12"));
        assertThat(refusedChange.statusCode()).isEqualTo(422);
        assertThat(refusedChange.body()).contains("This period is not offered for this domain.");
        assertThat(visitor.page("/cart").body()).contains("<option value=\"3\" selected>3 years</option>")
                .contains("300.00");
    }

    @DbTest
    void aRefusedVoucherIsShownAtTheVoucherFieldInTheVisitorsLanguage(Database database) throws Exception {
        start(database);
        PageClient english = new PageClient(host.port());
        english.post("/cart/items", Map.of("_csrf", english.csrfToken(), "domain", name("voucher"),
                "operation", "register", "period", "1"));
        PageClient danish = new PageClient(host.port()).language("da");
        danish.post("/cart/items", Map.of("_csrf", danish.csrfToken(), "domain", name("rabat"),
                "operation", "register", "period", "1"));

        HttpResponse<String> expired = english.post("/cart/voucher", Map.of("_csrf", english.csrfToken(), "code", "EXPIRED"));
        HttpResponse<String> udloebet = danish.post("/cart/voucher", Map.of("_csrf", danish.csrfToken(), "code", "EXPIRED"));
        HttpResponse<String> unknown = danish.post("/cart/voucher", Map.of("_csrf", danish.csrfToken(), "code", "NOPE-" + UUID.randomUUID()));

        assertThat(expired.statusCode()).isEqualTo(422);
        assertThat(expired.body()).contains("<div class=\"field-error\" id=\"voucher-code-error\">")
                .contains("This voucher has expired.").contains("value=\"EXPIRED\"");
        assertThat(udloebet.statusCode()).isEqualTo(422);
        assertThat(udloebet.body()).contains("Denne rabatkode er udløbet.").doesNotContain("This voucher has expired.");
        assertThat(unknown.body()).contains("Der findes ingen rabatkode med denne kode.");

        HttpResponse<String> applied = english.post("/cart/voucher", Map.of("_csrf", english.csrfToken(), "code", "welcome10"));
        assertThat(applied.statusCode()).isEqualTo(303);
        assertThat(english.page("/cart").body()).contains("Voucher WELCOME10 is applied.").contains("90.00");
    }

    @DbTest
    void checkoutNeedsSignInAndRefusesAnOrderWithoutTheTermsKeepingTheCart(Database database) throws Exception {
        start(database);
        PageClient reseller = new PageClient(host.port());
        String domain = name("terms");
        reseller.post("/cart/items", Map.of("_csrf", reseller.csrfToken(), "domain", domain, "operation", "register",
                "period", "1"));

        HttpResponse<String> anonymous = reseller.page("/checkout");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/account/signin?next=%2Fcheckout");

        reseller.signIn(DemoData.RESELLER_EMAIL, DemoData.RESELLER_PASSWORD);
        HttpResponse<String> checkout = reseller.page("/checkout");
        assertThat(checkout.statusCode()).isEqualTo(200);
        assertThat(checkout.body()).contains("Holder of " + domain); // the visitor's cart came along

        List<String> ordersBefore = PageClient.all(reseller.page("/orders").body(), "href=\"(/orders/O-[^\"]+)\"");
        Map<String, String> form = checkoutForm(checkout.body());
        form.remove("terms");
        HttpResponse<String> noTerms = reseller.post("/checkout", form);

        assertThat(noTerms.statusCode()).isEqualTo(422);
        assertThat(noTerms.body()).contains("Accept the terms and conditions to place the order.")
                .contains("id=\"terms\" name=\"terms\" value=\"on\" aria-invalid=\"true\"");
        assertThat(PageClient.all(reseller.page("/orders").body(), "href=\"(/orders/O-[^\"]+)\""))
                .isEqualTo(ordersBefore);
        assertThat(reseller.page("/checkout").body()).contains("Holder of " + domain);
    }

    @DbTest
    void aDoubleSubmitGivesOneOrderAndOnlyItsCustomerSeesIt(Database database) throws Exception {
        start(database);
        PageClient reseller = new PageClient(host.port());
        reseller.signIn(DemoData.RESELLER_EMAIL, DemoData.RESELLER_PASSWORD);
        String domain = name("twice");
        reseller.post("/cart/items", Map.of("_csrf", reseller.csrfToken(), "domain", domain, "operation", "register",
                "period", "1"));
        Map<String, String> form = checkoutForm(reseller.page("/checkout").body());

        HttpResponse<String> first = reseller.post("/checkout", form);
        HttpResponse<String> second = reseller.post("/checkout", form);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(303);
        String location = first.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/orders/O-\\d{8}-[0-9A-F]{8}");
        assertThat(second.headers().firstValue("Location")).hasValue(location);
        assertThat(PageClient.all(reseller.page("/orders").body(), "href=\"(/orders/O-[^\"]+)\""))
                .containsOnlyOnce(location);
        HttpResponse<String> own = reseller.page(location);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Registration of " + domain);

        PageClient customer = new PageClient(host.port());
        customer.signIn(DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD);
        assertThat(customer.page(location).statusCode()).isEqualTo(404);
        assertThat(customer.page("/orders").body()).doesNotContain(location);
        assertThat(new PageClient(host.port()).page(location).statusCode()).isEqualTo(303); // to sign in
    }

    /** The checkout form as the page fills it in: the first holder for each domain, the first way to pay, terms. */
    private static Map<String, String> checkoutForm(String html) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", PageClient.hidden(html, "_csrf"));
        form.put("requestKey", PageClient.hidden(html, "requestKey"));
        List<String> items = PageClient.all(html, "name=\"holder\\.([0-9a-f-]{36})\"");
        List<String> holders = PageClient.all(html, "<option value=\"([0-9a-f-]{36})\"");
        assertThat(holders).isNotEmpty();
        items.forEach(item -> form.put("holder." + item, holders.get(0)));
        form.put("nameserverMode", "default");
        form.put("nameservers", "");
        List<String> payments = PageClient.all(html, "name=\"payment\" value=\"([^\"]+)\"");
        assertThat(payments).contains("prepaid-account", "bank-transfer");
        assertThat(html).as("a gateway payment adds VAT, and the page says how much")
                .contains("id=\"checkout-vat\"").contains("id=\"checkout-total-vat\"");
        form.put("payment", "prepaid-account");
        form.put("terms", "on");
        return form;
    }

    private static void start(Database database) throws Exception {
        String url = database.config().jdbcUrl();
        if (host != null && url.equals(hostDatabase)) {
            return;
        }
        stop();
        // One master key for every start: the demo's registry settings stay readable when a database is used again.
        host = DemoHosts.start(database, java.time.Clock.systemUTC(), Map.of("KONTOR_SECRETS_MASTER_KEY", MASTER_KEY));
        hostDatabase = url;
        new DemoData(host, DemoHosts.freePort()).load();
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }
}
