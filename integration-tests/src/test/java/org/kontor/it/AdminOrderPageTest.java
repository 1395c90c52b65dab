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

/** The admin's order page (ADM-2): the order, each line with its registry operation, and only for staff. */
@DatabaseTest
class AdminOrderPageTest {

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void staffSeeAnOrdersLinesWithTheirRegistryOperations(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String reseller = DemoData.RESELLER_TOKEN;
        demo.emptyCart(reseller);
        String domain = "admin-order-" + OrderingHost.suffix() + ".test";
        demo.cartWith(reseller, domain);
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "prepaid-account",
                "acceptTerms", true), reseller, "admin-order-" + domain);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = demo.json(placed).get("id").asText();
        JsonNode done = demo.awaitFinal(reseller, orderId);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");

        // the registration made the domain's zone with the operator's records, and the order named the zone's servers
        long zones = 0;
        for (int i = 0; i < 100 && zones == 0; i++) {
            Thread.sleep(100);
            zones = demo.host.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM dns_zone "
                    + "WHERE domain = :domain AND customer_id = :customer AND state = 'PUBLISHED'")
                    .bind("domain", domain).bind("customer", DemoData.RESELLER_ID).mapTo(Long.class).one());
        }
        assertThat(zones).as("a zone made on DomainRegistered").isEqualTo(1);
        assertThat(demo.json(demo.send("GET", "/api/v1/domains/" + domain + "/dns", null, reseller)).get("records")
                .findValuesAsText("data")).contains("192.0.2.80");
        assertThat(demo.host.domainStore().find(org.kontor.api.domain.DomainName.of(domain))).isPresent();

        HttpResponse<String> list = demo.send("GET", "/admin/orders", null, DemoData.ADMIN_TOKEN);
        assertThat(list.body()).contains("href=\"/admin/orders/" + orderId + "\"");
        HttpResponse<String> page = demo.send("GET", "/admin/orders/" + orderId, null, DemoData.ADMIN_TOKEN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Order " + orderId).contains(domain)
                .contains("data-line-state=\"COMPLETED\"").contains("data-operation-state=\"COMPLETED\"")
                .contains("href=\"/admin/customers/" + DemoData.RESELLER_ID + "\"");

        String support = demo.host.apiTokens().issue("support-1", Access.SUPPORT, "test");
        assertThat(demo.send("GET", "/admin/orders/" + orderId, null, support).statusCode()).isEqualTo(200);
        assertThat(demo.send("GET", "/admin/orders/" + orderId, null, reseller).statusCode()).isEqualTo(403);
        assertThat(demo.send("GET", "/admin/orders/O-nothing", null, DemoData.ADMIN_TOKEN).statusCode()).isEqualTo(404);
    }
}
