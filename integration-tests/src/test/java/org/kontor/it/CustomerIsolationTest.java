package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.InvoiceState;
import org.kontor.host.billing.Series;
import org.kontor.host.customers.SignUp;
import org.kontor.host.demo.DemoData;
import org.kontor.host.payments.Payment;
import org.kontor.host.payments.PaymentPurpose;
import org.kontor.it.browser.PageClient;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * One customer can never read or change another's orders, invoices, contacts, payments, cart, domains, prepaid
 * account, ledger, top-ups or SEPA mandates by putting the other's ids into a request. Customer A is the demo
 * reseller with an order awaiting payment and a payment of it, an invoiced order, a contact, a cart item, a top-up
 * awaiting payment, prepaid movements, domains coming up for renewal and a SEPA mandate. B, another reseller, and C,
 * an end customer, ask for each of A's ids through the JSON API with their API tokens and through the pages with
 * their browser sessions: every read is refused (404 or 403) and shows none of A's data, every write is refused and
 * changes nothing of A's, and their own lists never contain A's ids.
 */
@DatabaseTest
class CustomerIsolationTest {

    private static final String PREPAID = OrderingHost.PREPAID;
    private static final String SEPA = "/api/v1/p/payment-sepa";

    private OrderingHost demo;
    /** A's identifying strings: none may show in an answer to B or C, unless the request itself carried it. */
    private final Map<String, String> marks = new LinkedHashMap<>();
    private final List<String> leaks = new ArrayList<>();
    private int requests;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void noCustomerReachesAnotherCustomersObjectsByTheirIds(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String a = DemoData.RESELLER_TOKEN;
        String suffix = OrderingHost.suffix();

        // A's objects
        demo.emptyCart(a);
        String unpaidDomain = "isolation-a-" + suffix + ".test";
        demo.cartWith(a, unpaidDomain);
        String unpaidOrder = placed(a, "bank-transfer", "unpaid-" + suffix);
        HttpResponse<String> paying = demo.send("POST", "/api/v1/payments", Map.of("purpose", "ORDER", "targetId",
                unpaidOrder, "gateway", "bank-transfer"), a, "pay-" + unpaidOrder);
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        String payment = demo.json(paying).get("id").asText();
        String paidDomain = "isolation-paid-" + suffix + ".test";
        demo.cartWith(a, paidDomain);
        String paidOrder = placed(a, "bank-transfer", "paid-" + suffix);
        demo.host.orderFulfilment().paid(paidOrder);
        Invoice invoice = awaitInvoice(paidOrder);
        String cartDomain = "isolation-cart-" + suffix + ".test";
        HttpResponse<String> carted = demo.addRegistration(a, cartDomain, 1);
        assertThat(carted.statusCode()).as(carted.body()).isEqualTo(201);
        String cartItem = demo.json(carted).get("items").get(0).get("id").asText();
        JsonNode contact = demo.json(demo.send("GET", "/api/v1/customers/me/contacts", null, a)).get(0);
        HttpResponse<String> toppedUp = demo.send("POST", PREPAID + "/account/top-ups", Map.of("amount", "1250"), a);
        assertThat(toppedUp.statusCode()).as(toppedUp.body()).isBetween(200, 201);
        String topUp = demo.json(toppedUp).get("id").asText();
        JsonNode upcoming = demo.json(demo.send("GET", PREPAID + "/account/upcoming", null, a));
        assertThat(upcoming).as("the demo reseller's domains coming up for renewal").isNotEmpty();
        String domain = upcoming.get(0).get("domain").asText();
        JsonNode movements = demo.json(demo.send("GET", PREPAID + "/account/movements", null, a));
        String mandateReference = "ISOA" + suffix.toUpperCase(java.util.Locale.ROOT);
        HttpResponse<String> signed = demo.send("POST", SEPA + "/reseller/mandates", Map.of("reference",
                mandateReference, "debtorName", "Demo Hosting ApS", "iban", "DE02 1203 0000 0000 2020 51", "bic",
                "BYLADEM1001", "signedOn", "2026-01-02", "scheme", "CORE", "email", DemoData.RESELLER_EMAIL), a);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        String mandate = demo.json(signed).get("id").asText();

        marks.put("unpaid order", unpaidOrder);
        marks.put("unpaid order's domain", unpaidDomain);
        marks.put("payment", payment);
        marks.put("paid order", paidOrder);
        marks.put("paid order's domain", paidDomain);
        marks.put("invoice", invoice.id());
        marks.put("invoice number", invoice.number());
        marks.put("cart item", cartItem);
        marks.put("cart item's domain", cartDomain);
        marks.put("contact", contact.get("id").asText());
        marks.put("top-up", topUp);
        marks.put("upcoming domain", domain);
        marks.put("email", DemoData.RESELLER_EMAIL);
        marks.put("SEPA mandate", mandate);
        marks.put("SEPA mandate reference", mandateReference);
        marks.put("prepaid account", demo.account().get("id").asText());
        for (JsonNode movement : movements.isArray() ? movements : movements.path("movements")) {
            if (movement.hasNonNull("id")) {
                marks.put("ledger entry " + movement.get("id").asText(), movement.get("id").asText());
            }
        }
        assertThat(marks.keySet().stream().filter(key -> key.startsWith("ledger entry")).count())
                .as("A's prepaid movements " + movements).isPositive();
        String before = stateOfA();
        int paymentsOfUnpaidOrder = demo.host.payments().payments().store().ofTarget(PaymentPurpose.ORDER, unpaidOrder).size();

        // B, another reseller, and C, an end customer
        String b = "isolation-b-" + suffix;
        String bToken = demo.newReseller(b);
        PageClient bPages = new PageClient(demo.host.port());
        bPages.signIn(b + "@example.net", "other-reseller-password");
        String c = "isolation-c-" + suffix;
        demo.host.customers().create(c, new SignUp(c + "@example.net", "isolation-customer-password", "Carla Customer",
                null, "DK", "en", "DKK"), Access.CUSTOMER);
        String cToken = demo.host.apiTokens().issue(c, Access.CUSTOMER, "test");
        PageClient cPages = new PageClient(demo.host.port());
        cPages.signIn(c + "@example.net", "isolation-customer-password");

        for (String token : List.of(bToken, cToken)) {
            String who = token.equals(bToken) ? "B" : "C";
            // reads by id
            apiRead(who, token, "/api/v1/orders/" + unpaidOrder);
            apiRead(who, token, "/api/v1/orders/" + paidOrder);
            apiRead(who, token, "/api/v1/invoices/" + invoice.id());
            apiRead(who, token, "/api/v1/invoices/" + invoice.id() + "/pdf");
            apiRead(who, token, "/api/v1/customers/me/contacts/" + contact.get("id").asText());
            apiRead(who, token, "/api/v1/payments/" + payment);
            apiRead(who, token, "/api/v1/p/payment-bank-transfer/payments/" + payment);
            apiRead(who, token, SEPA + "/mandates/" + mandate);
            apiRead(who, token, SEPA + "/reseller/mandates/" + mandate);
            // writes by id
            apiWrite(who, token, "PATCH", "/api/v1/cart/items/" + cartItem, Map.of("years", 2));
            apiWrite(who, token, "DELETE", "/api/v1/cart/items/" + cartItem, null);
            apiWrite(who, token, "POST", "/api/v1/payments", Map.of("purpose", "ORDER", "targetId", unpaidOrder,
                    "gateway", "bank-transfer"));
            apiWrite(who, token, "POST", "/api/v1/payments", Map.of("purpose", "INVOICE", "targetId", invoice.id(),
                    "gateway", "bank-transfer", "amount", "1"));
            apiWrite(who, token, "POST", "/api/v1/payments", Map.of("purpose", "TOP_UP", "targetId", topUp,
                    "gateway", "bank-transfer"));
            apiWrite(who, token, "POST", PREPAID + "/account/top-ups/" + topUp + "/cancel", null);
            apiWrite(who, token, "POST", SEPA + "/mandates/" + mandate + "/revoke", null);
            apiWrite(who, token, "POST", SEPA + "/reseller/mandates/" + mandate + "/revoke", null);
            apiWrite(who, token, "POST", PREPAID + "/account/upcoming/" + domain + "/renew",
                    Map.of("key", UUID.randomUUID().toString()));
            apiWrite(who, token, "POST", PREPAID + "/account/upcoming/" + domain + "/terminate", null);
            // the customer center's domain management
            apiRead(who, token, "/api/v1/domains/" + domain);
            apiWrite(who, token, "PUT", "/api/v1/domains/" + domain + "/nameservers",
                    Map.of("nameservers", List.of("ns1.example.net", "ns2.example.net")));
            apiWrite(who, token, "POST", "/api/v1/domains/" + domain + "/auth-code", Map.of("release", true));
            apiWrite(who, token, "PUT", "/api/v1/domains/" + domain + "/lock", Map.of("locked", false));
            apiWrite(who, token, "PUT", "/api/v1/domains/" + domain + "/auto-renew", Map.of("autoRenew", false));
            apiWrite(who, token, "POST", "/api/v1/domains/" + domain + "/cancellation", null);
            apiWrite(who, token, "PUT", "/api/v1/domains/" + domain + "/holder",
                    Map.of("contact", contact.get("id").asText(), "acceptTerms", true));
            apiRead(who, token, "/api/v1/domains/" + domain + "/parking");
            apiWrite(who, token, "PUT", "/api/v1/domains/" + domain + "/parking", Map.of("provider", "bodis"));
            apiWrite(who, token, "DELETE", "/api/v1/domains/" + domain + "/parking", null);
            apiWrite(who, token, "POST", PREPAID + "/account/restorable/" + domain + "/restore",
                    Map.of("key", UUID.randomUUID().toString()));
            // own lists
            for (String list : List.of("/api/v1/orders", "/api/v1/invoices", "/api/v1/payments", "/api/v1/cart",
                    "/api/v1/customers/me", "/api/v1/customers/me/contacts", "/api/v1/customers/me/billing",
                    PREPAID + "/account", PREPAID + "/account/movements", PREPAID + "/account/movements.csv",
                    PREPAID + "/account/payments", PREPAID + "/account/top-ups", PREPAID + "/account/upcoming",
                    PREPAID + "/account/restorable", PREPAID + "/account/settings",
                    SEPA + "/mandates", SEPA + "/reseller/mandates", "/api/v1/domains")) {
                apiList(who, token, list);
            }
        }
        for (PageClient pages : List.of(bPages, cPages)) {
            String who = pages == bPages ? "B's session" : "C's session";
            String csrf = pages.csrfToken();
            pageRead(who, pages, "/orders/" + unpaidOrder);
            pageRead(who, pages, "/orders/" + paidOrder);
            pageRead(who, pages, "/account/payments/" + payment);
            pageRead(who, pages, "/account/pay/order/" + unpaidOrder);
            pageRead(who, pages, "/account/pay/invoice/" + invoice.id());
            pageRead(who, pages, "/account/pay/top-up/" + topUp);
            // the JSON API takes the session cookie as well
            pageRead(who, pages, "/api/v1/invoices/" + invoice.id() + "/pdf");
            pageRead(who, pages, "/api/v1/orders/" + unpaidOrder);
            pageRead(who, pages, "/api/v1/payments/" + payment);
            pageRead(who, pages, "/api/v1/customers/me/contacts/" + contact.get("id").asText());
            Map<String, String> pay = Map.of("_csrf", csrf, "option", "bank-transfer:BANK_TRANSFER",
                    "requestKey", UUID.randomUUID().toString(), "amount", "1");
            pageWrite(who, pages, "/account/pay/order/" + unpaidOrder, pay);
            pageWrite(who, pages, "/account/pay/invoice/" + invoice.id(), pay);
            pageWrite(who, pages, "/account/pay/top-up/" + topUp, pay);
            pageWrite(who, pages, "/cart/items/" + cartItem, Map.of("_csrf", csrf, "years", "2"));
            pageWrite(who, pages, "/cart/items/" + cartItem + "/remove", Map.of("_csrf", csrf));
            Map<String, String> renewal = Map.of("_csrf", csrf, "domain", domain, "key", UUID.randomUUID().toString());
            pageWrite(who, pages, "/p/prepaid-account/upcoming/renew", renewal);
            pageWrite(who, pages, "/p/prepaid-account/upcoming/terminate", renewal);
            pageWrite(who, pages, "/p/prepaid-account/upcoming/restore", renewal);
            pageRead(who, pages, "/account/domains/" + domain);
            pageRead(who, pages, "/api/v1/domains/" + domain);
            String domainPage = "/account/domains/" + domain;
            pageWrite(who, pages, domainPage + "/nameservers", Map.of("_csrf", csrf, "nameservers",
                    "ns1.example.net\nns2.example.net"));
            pageWrite(who, pages, domainPage + "/auth-code", Map.of("_csrf", csrf, "release", "true"));
            pageWrite(who, pages, domainPage + "/lock", Map.of("_csrf", csrf, "locked", "false"));
            pageWrite(who, pages, domainPage + "/auto-renew", Map.of("_csrf", csrf, "autoRenew", "false"));
            pageWrite(who, pages, domainPage + "/cancellation", Map.of("_csrf", csrf));
            pageWrite(who, pages, domainPage + "/holder", Map.of("_csrf", csrf, "contact",
                    contact.get("id").asText(), "acceptTerms", "true"));
            pageRead(who, pages, domainPage + "/parking");
            pageWrite(who, pages, domainPage + "/parking", Map.of("_csrf", csrf, "provider", "bodis"));
            pageWrite(who, pages, domainPage + "/parking/leave", Map.of("_csrf", csrf));
            for (String list : List.of("/account", "/orders", "/account/invoices", "/account/payments",
                    "/account/billing", "/cart", "/checkout", "/p/prepaid-account/deposits",
                    "/p/prepaid-account/payments", "/p/prepaid-account/upcoming", "/p/prepaid-account/settings",
                    "/p/prepaid-account/movements.csv", "/account/domains")) {
                pageList(who, pages, list);
            }
        }

        assertThat(leaks).as("answers to B and C that refused nothing or showed A's data").isEmpty();
        assertThat(stateOfA()).as("A's cart, orders, payments, contacts, invoices, prepaid account, top-ups and domains")
                .isEqualTo(before);
        List<Payment> ofUnpaidOrder = demo.host.payments().payments().store().ofTarget(PaymentPurpose.ORDER, unpaidOrder);
        assertThat(ofUnpaidOrder).hasSize(paymentsOfUnpaidOrder)
                .allSatisfy(p -> assertThat(p.customerId()).isEqualTo(DemoData.RESELLER_ID));
        assertThat(demo.host.payments().payments().store().ofTarget(PaymentPurpose.TOP_UP, topUp)).isEmpty();
        System.out.printf("customer isolation: %d requests by B and C for %d of A's marks%n", requests, marks.size());
    }

    private String placed(String token, String method, String key) throws Exception {
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", method,
                "acceptTerms", true), token, key);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return demo.json(placed).get("id").asText();
    }

    /** What A sees of their own things, through their own token. */
    private String stateOfA() throws Exception {
        StringBuilder state = new StringBuilder();
        for (String path : List.of("/api/v1/cart", "/api/v1/orders", "/api/v1/payments", "/api/v1/customers/me/contacts",
                "/api/v1/invoices", PREPAID + "/account", PREPAID + "/account/top-ups", PREPAID + "/account/movements",
                PREPAID + "/account/upcoming", PREPAID + "/account/restorable", SEPA + "/reseller/mandates",
                "/api/v1/domains")) {
            HttpResponse<String> answer = demo.send("GET", path, null, DemoData.RESELLER_TOKEN);
            state.append(path).append(' ').append(answer.statusCode()).append(' ').append(answer.body()).append('\n');
        }
        return state.toString();
    }

    private void apiRead(String who, String token, String path) throws Exception {
        refusedRead(who, "GET " + path, demo.send("GET", path, null, token), path);
    }

    private void apiWrite(String who, String token, String method, String path, Map<String, ?> body) throws Exception {
        refusedWrite(who, method + " " + path, demo.send(method, path, body, token), path + body);
    }

    private void apiList(String who, String token, String path) throws Exception {
        HttpResponse<String> answer = demo.send("GET", path, null, token);
        requests++;
        if (answer.statusCode() != 200 && answer.statusCode() != 403 && answer.statusCode() != 404) {
            leaks.add(who + " GET " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        noMarks(who, "GET " + path, answer, "");
    }

    private void pageRead(String who, PageClient pages, String path) throws Exception {
        refusedRead(who, "page " + path, pages.page(path), path);
    }

    private void pageWrite(String who, PageClient pages, String path, Map<String, String> form) throws Exception {
        refusedWrite(who, "form " + path, pages.post(path, form), path + form);
    }

    private void pageList(String who, PageClient pages, String path) throws Exception {
        HttpResponse<String> answer = pages.page(path);
        requests++;
        noMarks(who, "page " + path, answer, "");
    }

    private void refusedRead(String who, String what, HttpResponse<String> answer, String sent) {
        requests++;
        if (answer.statusCode() != 404 && answer.statusCode() != 403) {
            leaks.add(who + " " + what + ": " + answer.statusCode() + " " + abbreviated(answer.body()));
        }
        noMarks(who, what, answer, sent);
    }

    /** A write is refused when it is answered 4xx; whether it changed anything is checked on A's state at the end. */
    private void refusedWrite(String who, String what, HttpResponse<String> answer, String sent) {
        requests++;
        if (answer.statusCode() / 100 != 4) {
            leaks.add(who + " " + what + ": " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse("") + " " + abbreviated(answer.body()));
        }
        noMarks(who, what, answer, sent);
    }

    private void noMarks(String who, String what, HttpResponse<String> answer, String sent) {
        marks.forEach((name, value) -> {
            if (!sent.contains(value) && answer.body().contains(value)) {
                leaks.add(who + " " + what + ": " + answer.statusCode() + " shows A's " + name + " " + value);
            }
        });
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** The order's invoice once the completion hook issued it. */
    private Invoice awaitInvoice(String orderId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        Optional<Invoice> invoice;
        do {
            invoice = demo.host.billing().store().findByOrder(orderId, Series.INVOICE)
                    .filter(found -> found.state() != InvoiceState.DRAFT);
            if (invoice.isPresent()) {
                return invoice.get();
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("order " + orderId + " was not invoiced");
    }
}
