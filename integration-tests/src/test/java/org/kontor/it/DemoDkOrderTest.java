package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * A .dk registration in the demo goes through the registry-dk plugin to the sandbox's .dk profile with the holder only
 * (no admin or tech contacts, which the registry refuses) and the operator's nameservers, and waits for the registry's
 * decision instead of failing.
 */
@DatabaseTest
class DemoDkOrderTest {

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void aDkOrderWaitsForTheRegistrysDecision(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String reseller = DemoData.RESELLER_TOKEN;
        demo.emptyCart(reseller);
        String domain = "bestilling-" + OrderingHost.suffix() + ".dk";
        demo.cartWith(reseller, domain);
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "prepaid-account",
                "acceptTerms", true), reseller, "dk-order-" + domain);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = demo.json(placed).get("id").asText();

        JsonNode order = null;
        String lineState = "";
        for (int i = 0; i < 100 && !lineState.matches("PENDING|COMPLETED|FAILED"); i++) {
            Thread.sleep(100);
            order = demo.json(demo.send("GET", "/api/v1/orders/" + orderId, null, reseller));
            lineState = order.get("lines").get(0).get("state").asText();
        }
        assertThat(lineState).as(String.valueOf(order)).isEqualTo("PENDING");
    }
}
