package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * An add-on booked later for a domain the customer already holds (CC-4): it goes in the cart without the domain, is
 * ordered and paid like any item, and is then listed among the customer's add-ons; nobody books one for a domain that is
 * someone else's.
 */
@DatabaseTest
class AddonBookingTest {

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void aResellerBooksForwardingForADomainTheyHoldAndAnotherCustomerCannot(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String reseller = DemoData.RESELLER_TOKEN;
        demo.emptyCart(reseller);
        String stranger = demo.host.apiTokens().issue(DemoData.CUSTOMER_ID, Access.CUSTOMER, "test");

        HttpResponse<String> refused = demo.send("POST", "/api/v1/cart/items", Map.of("kind", "addon",
                "product", "forwarding", "domain", "kontor-demo.dk"), stranger);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(demo.reason(refused)).isEqualTo("addon-domain-not-in-cart");

        HttpResponse<String> added = demo.send("POST", "/api/v1/cart/items", Map.of("kind", "addon",
                "product", "forwarding", "domain", "kontor-demo.dk"), reseller);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String key = "addon-later-" + OrderingHost.suffix();
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "prepaid-account",
                "acceptTerms", true), reseller, key);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = demo.json(placed).get("id").asText();
        JsonNode done = demo.awaitFinal(reseller, orderId);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");

        long booked = demo.host.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM addon_service "
                        + "WHERE customer_id = :customer AND product_id = 'forwarding' AND domain = 'kontor-demo.dk' "
                        + "AND order_id = :order")
                .bind("customer", DemoData.RESELLER_ID).bind("order", orderId).mapTo(Long.class).one());
        assertThat(booked).isEqualTo(1);
        HttpResponse<String> page = demo.send("GET", "/account/addons", null, reseller);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-booked=").contains("kontor-demo.dk")
                .contains("href=\"/orders/" + orderId + "\"")
                .contains("<option value=\"kontor-demo.dk\">kontor-demo.dk</option>");
        HttpResponse<String> strangersPage = demo.send("GET", "/account/addons", null, stranger);
        assertThat(strangersPage.statusCode()).isEqualTo(200);
        assertThat(strangersPage.body()).doesNotContain("kontor-demo.dk");
    }
}
