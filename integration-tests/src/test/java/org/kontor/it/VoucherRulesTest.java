package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.customers.SignUp;
import org.kontor.host.demo.DemoData;
import org.kontor.host.demo.DemoVouchers;
import org.kontor.host.vouchers.Discount;
import org.kontor.host.vouchers.Voucher;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Every voucher rule (ORD-13) through the cart and the checkout of the demo, paid from the prepaid account: percent
 * and amount off, the validity window, the limits in all and per customer (also two checkouts racing for the last
 * use), TLD restriction, minimum order, never below zero, and the use given back when the funds do not cover.
 */
@DatabaseTest
class VoucherRulesTest {

    private static final String RESELLER = DemoData.RESELLER_TOKEN;

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void percentAndAmountOffAndTheTldsTheyApplyTo(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        demo.emptyCart(RESELLER);
        String s = OrderingHost.suffix().toUpperCase(java.util.Locale.ROOT);
        demo.cartWith(RESELLER, "procent-" + s + ".test");

        JsonNode percent = applied(RESELLER, "welcome10");
        assertThat(percent.get("voucher").asText()).isEqualTo("WELCOME10");
        assertThat(percent.at("/discount/amount").asText()).isEqualTo("10.00");
        assertThat(percent.at("/total/amount").asText()).isEqualTo("90.00");

        // DK50 takes 50 DKK off .dk registrations only.
        assertThat(refused(RESELLER, "DK50")).isEqualTo("voucher-no-eligible-line");
        demo.cartWith(RESELLER, "beloeb-" + s + ".dk");
        JsonNode amount = applied(RESELLER, "DK50");
        assertThat(amount.at("/discount/amount").asText()).isEqualTo("50.00");
        assertThat(amount.at("/total/amount").asText()).isEqualTo("150.00");
        assertThat(amount.get("items").findValues("discount").stream().map(d -> d.get("amount").asText()).toList())
                .containsExactlyInAnyOrder("0.00", "50.00");

        assertThat(refused(RESELLER, "NO-SUCH-CODE")).isEqualTo("voucher-unknown-code");
        create(new Voucher("OFF-" + s, null, false, new Discount.Percent(BigDecimal.TEN), null, null, null, null,
                Set.of(), Set.of(), null));
        assertThat(refused(RESELLER, "OFF-" + s)).isEqualTo("voucher-disabled");
        create(new Voucher("EUR-" + s, null, true, new Discount.Amount(Money.of("5.00", "EUR")), null, null, null, null,
                Set.of(), Set.of(), null));
        assertThat(refused(RESELLER, "EUR-" + s)).isEqualTo("voucher-currency-mismatch");
    }

    @DbTest
    void aVoucherWorksOnlyWithinItsWindow(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        demo.emptyCart(RESELLER);
        String s = OrderingHost.suffix().toUpperCase(java.util.Locale.ROOT);
        Instant now = demo.clock.instant();
        create(new Voucher("SOON-" + s, null, true, new Discount.Percent(BigDecimal.valueOf(20)),
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)), null, null, Set.of(), Set.of(), null));
        demo.cartWith(RESELLER, "vindue-" + s + ".test");

        assertThat(refused(RESELLER, "SOON-" + s)).isEqualTo("voucher-not-yet-valid");
        assertThat(refused(RESELLER, DemoVouchers.EXPIRED)).isEqualTo("voucher-expired");
        demo.clock.advance(Duration.ofDays(1));
        assertThat(applied(RESELLER, "soon-" + s).at("/discount/amount").asText()).isEqualTo("20.00");

        // It ends while it sits in the cart: the cart says so and the checkout refuses it.
        demo.clock.advance(Duration.ofDays(2));
        JsonNode cart = demo.json(demo.send("GET", "/api/v1/cart", null, RESELLER));
        assertThat(cart.at("/voucherProblem/code").asText()).isEqualTo("voucher-expired");
        assertThat(cart.at("/discount/amount").asText()).isEqualTo("0.00");
        HttpResponse<String> placed = demo.checkout(RESELLER, "window-" + s);
        assertThat(placed.statusCode()).isEqualTo(422);
        assertThat(demo.json(placed).get("errors").has("voucher")).isTrue();
        assertThat(demo.json(placed).get("errors").get("voucher").asText()).contains("expired");
    }

    @DbTest
    void limitsInAllAndPerCustomerAndAMinimumOrder(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        demo.emptyCart(RESELLER);
        String s = OrderingHost.suffix().toUpperCase(java.util.Locale.ROOT);
        create(new Voucher("ONCE-" + s, null, true, new Discount.Percent(BigDecimal.TEN), null, null, 1, null,
                Set.of(), Set.of(), null));
        create(new Voucher("EACH-" + s, null, true, new Discount.Percent(BigDecimal.TEN), null, null, 10, 1,
                Set.of(), Set.of(), null));
        create(new Voucher("MIN-" + s, null, true, new Discount.Amount(Money.of("20.00", "DKK")), null, null, null, null,
                Set.of(), Set.of(), Money.of("150.00", "DKK")));

        // A minimum order counts every line before the discount.
        demo.cartWith(RESELLER, "min-a-" + s + ".test");
        assertThat(refused(RESELLER, "MIN-" + s)).isEqualTo("voucher-minimum-not-reached");
        demo.cartWith(RESELLER, "min-b-" + s + ".test");
        assertThat(applied(RESELLER, "MIN-" + s).at("/total/amount").asText()).isEqualTo("180.00");

        applied(RESELLER, "ONCE-" + s);
        JsonNode first = placedAndDone("once-" + s);
        assertThat(first.at("/discount/amount").asText()).isEqualTo("20.00");
        assertThat(first.get("voucher").asText()).isEqualTo("ONCE-" + s);
        assertThat(demo.host.vouchers().store().find("ONCE-" + s).orElseThrow().used()).isEqualTo(1);
        demo.cartWith(RESELLER, "once-again-" + s + ".test");
        assertThat(refused(RESELLER, "ONCE-" + s)).isEqualTo("voucher-used-up");

        applied(RESELLER, "EACH-" + s);
        assertThat(placedAndDone("each-" + s).get("voucher").asText()).isEqualTo("EACH-" + s);
        demo.cartWith(RESELLER, "each-again-" + s + ".test");
        assertThat(refused(RESELLER, "EACH-" + s)).isEqualTo("voucher-used-up-for-customer");
        // Another customer may still use it.
        String other = demo.newReseller("each-" + s);
        demo.cartWith(other, "each-other-" + s + ".test");
        assertThat(applied(other, "EACH-" + s).at("/discount/amount").asText()).isEqualTo("10.00");
    }

    @DbTest
    void twoCheckoutsRacingForTheLastUseGiveItToExactlyOne(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        demo.emptyCart(RESELLER);
        String s = OrderingHost.suffix().toUpperCase(java.util.Locale.ROOT);
        create(new Voucher("LAST-" + s, null, true, new Discount.Percent(BigDecimal.valueOf(50)), null, null, 1, null,
                Set.of(), Set.of(), null));
        String other = demo.newReseller("race-" + s);
        List<String> buyers = List.of(RESELLER, other);
        for (String buyer : buyers) {
            demo.cartWith(buyer, "kapl-" + buyers.indexOf(buyer) + "-" + s + ".test");
            applied(buyer, "LAST-" + s);
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (String buyer : buyers) {
                Callable<HttpResponse<String>> checkout = () -> {
                    start.await();
                    return demo.checkout(buyer, "race-" + buyers.indexOf(buyer) + "-" + s);
                };
                answers.add(pool.submit(checkout));
            }
            start.countDown();
            List<HttpResponse<String>> done = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                done.add(answer.get());
            }
            assertThat(done).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 422);
            HttpResponse<String> lost = done.stream().filter(r -> r.statusCode() == 422).findFirst().orElseThrow();
            assertThat(demo.reason(lost)).isEqualTo("voucher-used-up");
            HttpResponse<String> won = done.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
            assertThat(demo.json(won).at("/discount/amount").asText()).isEqualTo("50.00");
        } finally {
            pool.shutdownNow();
        }
        assertThat(demo.host.vouchers().store().find("LAST-" + s).orElseThrow().used()).isEqualTo(1);
    }

    @DbTest
    void anAmountLargerThanTheOrderMakesItFreeNotNegative(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        demo.emptyCart(RESELLER);
        String s = OrderingHost.suffix().toUpperCase(java.util.Locale.ROOT);
        create(new Voucher("BIG-" + s, null, true, new Discount.Amount(Money.of("500.00", "DKK")), null, null, null, null,
                Set.of(), Set.of(), null));
        demo.cartWith(RESELLER, "gratis-" + s + ".test");
        JsonNode cart = applied(RESELLER, "BIG-" + s);
        assertThat(cart.at("/discount/amount").asText()).isEqualTo("100.00");
        assertThat(cart.at("/total/amount").asText()).isEqualTo("0.00");

        BigDecimal before = demo.available();
        HttpResponse<String> placed = demo.checkout(RESELLER, "big-" + s);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode order = demo.json(placed);
        assertThat(order.at("/discount/amount").asText()).isEqualTo("100.00");
        assertThat(order.at("/total/amount").asText()).isEqualTo("0.00");
        assertThat(order.at("/lines/0/discount/amount").asText()).isEqualTo("100.00");
        assertThat(demo.available()).isEqualByComparingTo(before); // nothing to hold
        JsonNode done = demo.awaitFinal(order.get("id").asText());
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(demo.available()).isEqualByComparingTo(before); // nothing captured either
    }

    @DbTest
    void theUseIsGivenBackWhenTheFundsDoNotCoverTheOrder(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        demo.emptyCart(RESELLER);
        String s = OrderingHost.suffix().toUpperCase(java.util.Locale.ROOT);
        create(new Voucher("BACK-" + s, null, true, new Discount.Percent(BigDecimal.TEN), null, null, 1, null,
                Set.of(), Set.of(), null));
        demo.cartWith(RESELLER, "tilbage-" + s + ".test");
        applied(RESELLER, "BACK-" + s);

        BigDecimal available = demo.available();
        String lower = available.subtract(new BigDecimal("50.00")).negate().toPlainString();
        demo.adjust(lower); // 50 DKK left, the order is 90
        try {
            HttpResponse<String> refused = demo.checkout(RESELLER, "back-" + s);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(demo.reason(refused)).isEqualTo("insufficient-funds");
            assertThat(demo.available()).isEqualByComparingTo("50.00");
            assertThat(demo.host.vouchers().store().find("BACK-" + s).orElseThrow().used()).isZero();
            assertThat(demo.json(demo.send("GET", "/api/v1/cart", null, RESELLER)).get("voucher").asText())
                    .isEqualTo("BACK-" + s);
        } finally {
            demo.adjust(lower.substring(1));
        }
        // Topped up, the same cart with the same voucher goes through.
        JsonNode order = placedAndDone("back-again-" + s);
        assertThat(order.get("voucher").asText()).isEqualTo("BACK-" + s);
        assertThat(order.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(demo.host.vouchers().store().find("BACK-" + s).orElseThrow().used()).isEqualTo(1);
    }

    private JsonNode placedAndDone(String requestKey) throws Exception {
        HttpResponse<String> placed = demo.checkout(RESELLER, requestKey);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return demo.awaitFinal(demo.json(placed).get("id").asText());
    }

    private JsonNode applied(String token, String code) throws Exception {
        HttpResponse<String> answer = demo.send("PUT", "/api/v1/cart/voucher", Map.of("code", code), token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return demo.json(answer);
    }

    private String refused(String token, String code) throws Exception {
        HttpResponse<String> answer = demo.send("PUT", "/api/v1/cart/voucher", Map.of("code", code), token);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        return demo.reason(answer);
    }

    private void create(Voucher voucher) {
        assertThat(demo.host.vouchers().store().create(voucher)).isTrue();
    }

}
