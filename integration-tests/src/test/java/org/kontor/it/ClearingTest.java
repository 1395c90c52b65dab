package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.host.vouchers.Discount;
import org.kontor.host.vouchers.Voucher;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The clearing center (ORD-11): the operator's {@code orders.review.*} rules hold an order, funded, for a person;
 * released it is provisioned at the sandbox registry and completes, rejected it is cancelled with its money and its
 * voucher use given back. Only the operator may act on it.
 */
@DatabaseTest
class ClearingTest {

    private static final String RESELLER = DemoData.RESELLER_TOKEN;

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void anOrderHeldForItsTldIsReleasedAndCompletes(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of("KONTOR_ORDERS_REVIEW_TLDS", ".example, eu",
                "KONTOR_ORDERS_REVIEW_ABOVE", "450 DKK"));
        String s = OrderingHost.suffix();
        demo.emptyCart(RESELLER);

        // Neither rule applies: provisioned at once.
        demo.cartWith(RESELLER, "fri-" + s + ".test");
        assertThat(demo.awaitFinal(placed("free-" + s)).get("state").asText()).isEqualTo("COMPLETED");

        BigDecimal before = demo.available();
        demo.cartWith(RESELLER, "tjek-" + s + ".example");
        String orderId = placed("held-" + s);
        JsonNode held = demo.order(RESELLER, orderId);
        assertThat(held.get("state").asText()).isEqualTo("HELD_FOR_REVIEW");
        assertThat(held.get("reviewReason").asText()).isEqualTo("a domain under .example");
        assertThat(demo.available()).isEqualByComparingTo(before.subtract(new BigDecimal("100.00"))); // held, not spent
        assertThat(clearing().findValuesAsText("id")).contains(orderId);

        // Only the operator acts on it: not the reseller, not a customer.
        String customer = demo.host.apiTokens().issue(DemoData.CUSTOMER_ID, Access.CUSTOMER, "test");
        for (String token : new String[] {RESELLER, customer}) {
            for (String action : new String[] {"release", "reject", "hold"}) {
                assertThat(demo.send("POST", "/api/v1/clearing/orders/" + orderId + "/" + action,
                        Map.of("reason", "mine"), token).statusCode()).as(action).isEqualTo(403);
            }
            assertThat(demo.send("GET", "/api/v1/clearing/orders", null, token).statusCode()).isEqualTo(403);
        }
        assertThat(demo.send("POST", "/api/v1/clearing/orders/" + orderId + "/release", null, null).statusCode())
                .isIn(401, 403);
        assertThat(demo.order(RESELLER, orderId).get("state").asText()).isEqualTo("HELD_FOR_REVIEW");

        HttpResponse<String> released = demo.send("POST", "/api/v1/clearing/orders/" + orderId + "/release", null,
                DemoData.ADMIN_TOKEN);
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        JsonNode done = demo.awaitFinal(orderId);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.at("/lines/0/state").asText()).isEqualTo("COMPLETED");
        assertThat(demo.host.domainStore().find(DemoData.RESELLER_ID, DomainName.of("tjek-" + s + ".example"))).isPresent();
        assertThat(demo.available()).isEqualByComparingTo(before.subtract(new BigDecimal("100.00")));
        assertThat(clearing().findValuesAsText("id")).doesNotContain(orderId);
        // Released once is released: a second release changes nothing.
        assertThat(demo.json(demo.send("POST", "/api/v1/clearing/orders/" + orderId + "/release", null,
                DemoData.ADMIN_TOKEN)).get("state").asText()).isEqualTo("COMPLETED");
    }

    @DbTest
    void aRejectedOrderGivesBackItsMoneyAndItsVoucherUse(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of("KONTOR_ORDERS_REVIEW_ABOVE", "450 DKK"));
        String s = OrderingHost.suffix();
        demo.emptyCart(RESELLER);
        String code = "REVIEW-" + s.toUpperCase(java.util.Locale.ROOT);
        assertThat(demo.host.vouchers().store().create(new Voucher(code, null, true,
                new Discount.Percent(BigDecimal.TEN), null, null, 1, null, Set.of(), Set.of(), null))).isTrue();
        HttpResponse<String> added = demo.addRegistration(RESELLER, "dyr-" + s + ".test", 10);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        demo.cartWith(RESELLER, "billig-" + s + ".test");
        assertThat(demo.send("PUT", "/api/v1/cart/voucher", Map.of("code", code), RESELLER).statusCode()).isEqualTo(200);

        BigDecimal before = demo.available();
        String orderId = placed("reject-" + s);
        JsonNode held = demo.order(RESELLER, orderId);
        assertThat(held.get("state").asText()).isEqualTo("HELD_FOR_REVIEW");
        assertThat(held.at("/total/amount").asText()).isEqualTo("990.00"); // 1,100 less 10 %
        assertThat(held.get("reviewReason").asText()).startsWith("the total is above");
        assertThat(demo.available()).isEqualByComparingTo(before.subtract(new BigDecimal("990.00")));
        assertThat(demo.host.vouchers().store().find(code).orElseThrow().used()).isEqualTo(1);

        HttpResponse<String> noReason = demo.send("POST", "/api/v1/clearing/orders/" + orderId + "/reject", Map.of(),
                DemoData.ADMIN_TOKEN);
        assertThat(noReason.statusCode()).isBetween(400, 422);
        HttpResponse<String> rejected = demo.send("POST", "/api/v1/clearing/orders/" + orderId + "/reject",
                Map.of("reason", "the holder could not be verified"), DemoData.ADMIN_TOKEN);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        JsonNode cancelled = demo.json(rejected);
        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("message").asText()).contains("the holder could not be verified");
        assertThat(cancelled.get("lines").findValuesAsText("state")).containsOnly("CANCELLED");

        // Money never lost: everything held is free again, and the voucher may be used once more.
        assertThat(demo.available()).isEqualByComparingTo(before);
        assertThat(demo.host.vouchers().store().find(code).orElseThrow().used()).isZero();
        assertThat(demo.host.domainStore().find(DemoData.RESELLER_ID, DomainName.of("dyr-" + s + ".test"))).isEmpty();
        // A cancelled order cannot be released afterwards.
        assertThat(demo.json(demo.send("POST", "/api/v1/clearing/orders/" + orderId + "/release", null,
                DemoData.ADMIN_TOKEN)).get("state").asText()).isEqualTo("CANCELLED");
        Thread.sleep(300);
        assertThat(demo.order(RESELLER, orderId).get("state").asText()).isEqualTo("CANCELLED");
    }

    @DbTest
    void aCustomersFirstOrderIsHeldAndTheNextIsNot(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of("KONTOR_ORDERS_REVIEW_FIRST_ORDER", "true"));
        String s = OrderingHost.suffix();
        demo.emptyCart(RESELLER);
        String newcomer = demo.newReseller("ny-" + s);

        demo.cartWith(newcomer, "foerste-" + s + ".test");
        String first = placedBy(newcomer, "first-" + s);
        JsonNode held = demo.order(newcomer, first);
        assertThat(held.get("state").asText()).isEqualTo("HELD_FOR_REVIEW");
        assertThat(held.get("reviewReason").asText()).isEqualTo("the customer's first order");
        assertThat(demo.send("POST", "/api/v1/clearing/orders/" + first + "/release", null, DemoData.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
        assertThat(demo.awaitFinal(newcomer, first).get("state").asText()).isEqualTo("COMPLETED");

        demo.cartWith(newcomer, "naeste-" + s + ".test");
        String next = placedBy(newcomer, "next-" + s);
        assertThat(demo.awaitFinal(newcomer, next).get("state").asText()).isEqualTo("COMPLETED");
    }

    @DbTest
    void everyOrderIsHeldWhenTheOperatorSaysSo(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of("KONTOR_ORDERS_REVIEW_ALL", "true"));
        String s = OrderingHost.suffix();
        demo.emptyCart(RESELLER);
        demo.cartWith(RESELLER, "alle-" + s + ".test");
        String orderId = placed("all-" + s);
        JsonNode held = demo.order(RESELLER, orderId);
        assertThat(held.get("state").asText()).isEqualTo("HELD_FOR_REVIEW");
        assertThat(held.get("reviewReason").asText()).isEqualTo("every order is reviewed");
        Instant until = Instant.now().plus(Duration.ofMillis(500));
        while (Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(demo.order(RESELLER, orderId).get("state").asText()).isEqualTo("HELD_FOR_REVIEW");
    }

    private String placed(String requestKey) throws Exception {
        return placedBy(RESELLER, requestKey);
    }

    private String placedBy(String token, String requestKey) throws Exception {
        HttpResponse<String> placed = demo.checkout(token, requestKey);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return demo.json(placed).get("id").asText();
    }

    private JsonNode clearing() throws Exception {
        HttpResponse<String> list = demo.send("GET", "/api/v1/clearing/orders", null, DemoData.ADMIN_TOKEN);
        assertThat(list.statusCode()).isEqualTo(200);
        return demo.json(list).get("orders");
    }
}
