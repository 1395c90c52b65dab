package org.kontor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kontor.api.domain.DomainName;
import org.kontor.host.demo.DemoData;
import org.kontor.host.orders.Order;
import org.kontor.host.orders.OrderState;

/**
 * The clearing center in a real browser (ADM-9): the demo reseller's order for a .example domain is held for review;
 * the demo staff member signs in, finds it in the clearing center with its reason, releases it with a note, and the
 * order completes against the sandbox registry.
 */
@BrowserTest(host = ReviewBrowserHost.class)
class AdminClearingBrowserTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anAdminReleasesAHeldOrderAndItCompletes(StorefrontBrowser browser) throws Exception {
        String domain = "klar-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String orderId = heldOrder(browser, domain);

        browser.open("/admin");
        assertThat(browser.path()).startsWith("/account/signin?next=");
        browser.type("#email", DemoData.ADMIN_EMAIL).type("#password", DemoData.ADMIN_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.path()).isEqualTo("/admin");
        assertThat(browser.has("svg, #revenue-none")).isTrue();
        browser.step("dashboard");

        browser.go("#nav-clearing");
        assertThat(browser.path()).isEqualTo("/admin/clearing");
        assertThat(browser.text("#held-" + orderId + " .reason")).isEqualTo("a domain under .example");
        assertThat(browser.text("#held-" + orderId)).contains(domain).contains("Rasmus Reseller");
        browser.step("held order");

        browser.type("#release-note-" + orderId, "holder checked by phone");
        browser.go("#held-" + orderId + " form.release button");
        assertThat(browser.text("#clearing-done")).contains(orderId);
        assertThat(browser.has("#held-" + orderId)).isFalse();
        browser.step("released");

        Order done = awaitFinal(browser, orderId);
        assertThat(done.state()).isEqualTo(OrderState.COMPLETED);
        assertThat(browser.host().domainStore().find(DemoData.RESELLER_ID, DomainName.of(domain))).isPresent();

        browser.open("/admin");
        browser.step("dashboard after the order");
        browser.open("/admin/orders?state=COMPLETED");
        assertThat(browser.find("#order-" + orderId).getAttribute("data-state")).isEqualTo("COMPLETED");
        assertThat(browser.text("#order-" + orderId)).contains(domain);

        browser.open("/admin/customers/" + DemoData.RESELLER_ID);
        assertThat(browser.text("#customer-notes")).contains("Order " + orderId + " released: holder checked by phone")
                .contains(DemoData.ADMIN_ID);
        browser.step("note on the customer");
    }

    @Test
    void anAdminRejectsAHeldOrderOnlyWithAReasonAndItIsCancelled(StorefrontBrowser browser) throws Exception {
        String domain = "afvist-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String orderId = heldOrder(browser, domain);

        browser.open("/account/signin?next=/admin/clearing");
        browser.type("#email", DemoData.ADMIN_EMAIL).type("#password", DemoData.ADMIN_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.path()).isEqualTo("/admin/clearing");

        // The browser would not send the form without a reason; sent anyway, the page refuses it.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).removeAttribute('required')", "reject-note-" + orderId);
        browser.go("#held-" + orderId + " form.reject button");
        assertThat(browser.text("#clearing-error")).contains(orderId);
        assertThat(browser.host().orders().find(orderId).orElseThrow().state()).isEqualTo(OrderState.HELD_FOR_REVIEW);

        browser.type("#reject-note-" + orderId, "holder could not be verified");
        browser.go("#held-" + orderId + " form.reject button");
        assertThat(browser.text("#clearing-done")).contains(orderId);
        browser.step("rejected");
        Order rejected = browser.host().orders().find(orderId).orElseThrow();
        assertThat(rejected.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(rejected.message()).contains("holder could not be verified");
        assertThat(browser.host().domainStore().find(DemoData.RESELLER_ID, DomainName.of(domain))).isEmpty();
    }

    @Test
    void aCustomerIsNotLetIntoTheAdmin(StorefrontBrowser browser) {
        browser.open("/account/signin?next=/admin/clearing");
        browser.type("#email", DemoData.CUSTOMER_EMAIL).type("#password", DemoData.CUSTOMER_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.has("#clearing-orders, #clearing-empty")).isFalse();
        assertThat(browser.has("nav.admin-nav")).isFalse();
    }

    /** The demo reseller orders the domain through the API; the review rule holds the order. */
    private String heldOrder(StorefrontBrowser browser, String domain) throws Exception {
        String base = browser.base();
        HttpResponse<String> added = send(base, "POST", "/api/v1/cart/items",
                Map.of("kind", "register", "domain", domain, "years", 1));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String holder = json.readTree(send(base, "GET", "/api/v1/customers/me/contacts", null).body()).get(0).get("id").asText();
        for (JsonNode item : json.readTree(added.body()).get("items")) {
            if (item.get("holder") == null || item.get("holder").isNull()) {
                assertThat(send(base, "PATCH", "/api/v1/cart/items/" + item.get("id").asText(), Map.of("holder", holder))
                        .statusCode()).isEqualTo(200);
            }
        }
        HttpResponse<String> placed = send(base, "POST", "/api/v1/orders",
                Map.of("paymentMethod", "prepaid-account", "acceptTerms", true));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = json.readTree(placed.body()).get("id").asText();
        assertThat(browser.host().orders().find(orderId).orElseThrow().state()).isEqualTo(OrderState.HELD_FOR_REVIEW);
        return orderId;
    }

    private HttpResponse<String> send(String base, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + DemoData.RESELLER_TOKEN)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Order awaitFinal(StorefrontBrowser browser, String orderId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Order order;
        do {
            order = browser.host().orders().find(orderId).orElseThrow();
            if (order.state() == OrderState.COMPLETED || order.state() == OrderState.FAILED
                    || order.state() == OrderState.CANCELLED) {
                return order;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < until);
        return order;
    }
}
