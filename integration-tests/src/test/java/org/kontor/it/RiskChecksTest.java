package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.money.Money;
import org.kontor.api.outcome.OutcomeStatus;
import org.kontor.api.payment.PaymentNotification;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.host.payments.Payment;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Risk checks end to end (ORD-11, PAY-6) on the demo host with the real risk-basic plugin: an order whose checks'
 * points reach the threshold waits in the clearing center with its score and each reason, in the API and on the
 * admin's pages, and is released or rejected there (a rejected prepaid order's money is free again); an order under
 * the threshold goes through; a failing check holds nothing; a top-up over the threshold cannot be paid
 * ({@code risk-review}) and is listed for staff; a gateway payment with a card seen too often holds its order.
 */
@DatabaseTest
class RiskChecksTest {

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            // the tests of the class share a database: the next host starts with the plugin's defaults again
            demo.host.database().jdbi().useHandle(h -> h.createUpdate(
                    "DELETE FROM plugin_setting WHERE plugin_id = 'risk-basic'").execute());
            demo.close();
        }
    }

    @DbTest
    void anOrderOverTheThresholdWaitsWithItsReasonsAndIsReleasedOrRejected(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String s = OrderingHost.suffix();
        String burner = "burner-" + s + ".example";
        riskSettings(Map.of("disposable-email.domains", burner, "disposable-email.points", "70",
                "velocity.ip.limit", "1"));
        String buyer = demo.newReseller("risk-" + s, "otto@mail." + burner);
        String ip = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);

        // Under the threshold: 70 points for the e-mail, one order from the address. It goes through.
        demo.cartWith(buyer, "risiko-en-" + s + ".test");
        JsonNode first = staffView(demo.awaitFinal(buyer, placed(buyer, "risk-1-" + s, ip)).get("id").asText());
        assertThat(first.get("state").asText()).as(first.toString()).isEqualTo("COMPLETED");
        assertThat(first.at("/risk/score").asInt()).isEqualTo(70);
        assertThat(first.at("/risk/held").asBoolean()).isFalse();
        assertThat(first.at("/risk/reasons").findValuesAsText("code")).containsExactly("email.disposable");

        // A second order from the same address: 40 more for the address's velocity, 110 ≥ 100.
        BigDecimal before = available(buyer);
        demo.cartWith(buyer, "risiko-to-" + s + ".test");
        String held = placed(buyer, "risk-2-" + s, ip);
        // The buyer learns that the order waits, not which signals fired.
        JsonNode asBuyer = demo.order(buyer, held);
        assertThat(asBuyer.get("state").asText()).isEqualTo("HELD_FOR_REVIEW");
        assertThat(asBuyer.get("reviewReason").asText())
                .isEqualTo("the order is reviewed by the operator before it is carried out");
        assertThat(asBuyer.has("risk")).isFalse();
        assertThat(asBuyer.toString()).doesNotContain("velocity").doesNotContain(burner);
        JsonNode order = staffView(held);
        assertThat(order.get("state").asText()).isEqualTo("HELD_FOR_REVIEW");
        assertThat(order.get("reviewReason").asText()).isEqualTo("risk score 110 ≥ 100: velocity.ip (2 orders from "
                + ip + " in 1 h (limit 1)), email.disposable (otto@mail." + burner
                + " is at a disposable e-mail domain (" + burner + "))");
        assertThat(order.at("/risk/kind").asText()).isEqualTo("ORDER");
        assertThat(order.at("/risk/threshold").asInt()).isEqualTo(100);
        assertThat(order.at("/risk/held").asBoolean()).isTrue();
        JsonNode velocity = order.at("/risk/reasons/0");
        assertThat(velocity.get("check").asText()).isEqualTo("risk-basic.velocity");
        assertThat(velocity.get("code").asText()).isEqualTo("velocity.ip");
        assertThat(velocity.get("points").asInt()).isEqualTo(40);
        assertThat(order.at("/risk/reasons").findValuesAsText("code")).containsExactly("velocity.ip", "email.disposable");
        assertThat(available(buyer)).isLessThan(before).as("its money is held while it waits");

        // The clearing center shows score and reasons: in the API and on the admin's pages.
        JsonNode listed = null;
        for (JsonNode candidate : demo.json(demo.send("GET", "/api/v1/clearing/orders", null, DemoData.ADMIN_TOKEN))
                .get("orders")) {
            if (candidate.get("id").asText().equals(held)) {
                listed = candidate;
            }
        }
        assertThat(listed).as("held order in the clearing list").isNotNull();
        assertThat(listed.at("/risk/score").asInt()).isEqualTo(110);
        String clearingPage = demo.send("GET", "/admin/clearing", null, DemoData.ADMIN_TOKEN).body();
        String row = clearingPage.substring(clearingPage.indexOf("id=\"held-" + held + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("data-risk-score=\"110\"").contains("data-risk-code=\"velocity.ip\"")
                .contains("data-risk-code=\"email.disposable\"").contains("2 orders from " + ip)
                .contains("risk-basic.velocity");
        String orderPage = demo.send("GET", "/admin/orders/" + held, null, DemoData.ADMIN_TOKEN).body();
        assertThat(orderPage).contains("data-risk-held=\"true\"").contains("data-risk-code=\"velocity.ip\"");

        // Rejected: cancelled, and the money held for it is free again.
        HttpResponse<String> rejected = demo.send("POST", "/api/v1/clearing/orders/" + held + "/reject",
                Map.of("reason", "address used by several accounts"), DemoData.ADMIN_TOKEN);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(demo.json(rejected).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(available(buyer)).isEqualByComparingTo(before);

        // A third one is held too; released, it is provisioned.
        demo.cartWith(buyer, "risiko-tre-" + s + ".test");
        String third = placed(buyer, "risk-3-" + s, ip);
        assertThat(demo.order(buyer, third).get("state").asText()).isEqualTo("HELD_FOR_REVIEW");
        assertThat(staffView(third).at("/risk/reasons/0/message").asText()).startsWith("3 orders from " + ip);
        HttpResponse<String> released = demo.send("POST", "/api/v1/clearing/orders/" + third + "/release", null,
                DemoData.ADMIN_TOKEN);
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(demo.awaitFinal(buyer, third).get("state").asText()).isEqualTo("COMPLETED");
    }

    @DbTest
    void aFailingCheckIsNotedAndHoldsNothing(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String s = OrderingHost.suffix();
        // a database file that is not there: the GeoIP check throws for every public address
        riskSettings(Map.of("geoip.database", "/nonexistent/GeoLite2-Country-" + s + ".mmdb"));
        String buyer = demo.newReseller("geo-" + s);

        demo.cartWith(buyer, "geo-" + s + ".test");
        JsonNode order = staffView(demo.awaitFinal(buyer, placed(buyer, "geo-" + s, "198.51.100.23")).get("id").asText());

        assertThat(order.get("state").asText()).as(order.toString()).isEqualTo("COMPLETED");
        assertThat(order.at("/risk/score").asInt()).isZero();
        JsonNode failed = order.at("/risk/reasons/0");
        assertThat(failed.get("check").asText()).isEqualTo("risk-basic.geoip");
        assertThat(failed.get("code").asText()).isEqualTo("check-failed");
        assertThat(failed.get("points").asInt()).isZero();
    }

    @DbTest
    void aTopUpOverTheThresholdCannotBePaidAndIsListedForStaff(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String s = OrderingHost.suffix();
        String burner = "topup-" + s + ".example";
        riskSettings(Map.of("disposable-email.domains", burner, "disposable-email.points", "100"));
        String buyer = demo.newReseller("topup-" + s, "otto@" + burner);

        HttpResponse<String> requested = demo.send("POST", OrderingHost.PREPAID + "/account/top-ups",
                Map.of("amount", "1250"), buyer);
        assertThat(requested.statusCode()).as(requested.body()).isBetween(200, 201);
        String topUpId = demo.json(requested).get("id").asText();

        HttpResponse<String> paying = demo.send("POST", "/api/v1/payments", Map.of("purpose", "TOP_UP",
                "targetId", topUpId, "gateway", "bank-transfer"), buyer, "top-up-" + topUpId);

        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(409);
        assertThat(paying.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(demo.reason(paying)).isEqualTo("risk-review");
        assertThat(demo.host.payments().payments().store().ofTarget(
                org.kontor.host.payments.PaymentPurpose.TOP_UP, topUpId)).isEmpty();
        // On the pay page the customer reads why, in their language.
        String cookie = signedIn("otto@" + burner, "other-reseller-password");
        HttpResponse<String> payPage = web("GET", "/account/pay/top-up/" + topUpId, cookie, null);
        assertThat(payPage.statusCode()).as(payPage.body()).isEqualTo(200);
        HttpResponse<String> refused = web("POST", "/account/pay/top-up/" + topUpId, cookie, "_csrf="
                + hidden(payPage.body(), "_csrf") + "&requestKey=" + hidden(payPage.body(), "requestKey")
                + "&option=bank-transfer%3ABANK_TRANSFER");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"pay-form-error\"")
                .contains("This top-up cannot be paid online until our staff have reviewed it.");

        String clearingPage = demo.send("GET", "/admin/clearing", null, DemoData.ADMIN_TOKEN).body();
        assertThat(clearingPage).contains("data-top-up=\"" + topUpId + "\"");
        String row = clearingPage.substring(clearingPage.indexOf("data-top-up=\"" + topUpId + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("data-risk-code=\"email.disposable\"");

        // Staff check the customer and allow the payment: only with a note; then the top-up can be paid.
        String staff = signedIn(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        HttpResponse<String> clearing = web("GET", "/admin/clearing", staff, null);
        String assessment = row.substring(row.indexOf("id=\"risk-") + 9, row.indexOf("\"", row.indexOf("id=\"risk-") + 9));
        String release = "/admin/clearing/top-ups/" + assessment + "/release";
        HttpResponse<String> withoutNote = web("POST", release, staff, "_csrf=" + hidden(clearing.body(), "_csrf"));
        assertThat(withoutNote.statusCode()).isEqualTo(303);
        assertThat(withoutNote.headers().firstValue("Location").orElse("")).contains("error=top-up-note-required");
        assertThat(demo.json(demo.send("POST", "/api/v1/payments", Map.of("purpose", "TOP_UP", "targetId", topUpId,
                "gateway", "bank-transfer"), buyer, "top-up-again-" + topUpId)).path("reason").asText())
                .as("still refused").isEqualTo("risk-review");
        HttpResponse<String> released = web("POST", release, staff, "_csrf=" + hidden(clearing.body(), "_csrf")
                + "&note=called+the+customer");
        assertThat(released.headers().firstValue("Location").orElse("")).contains("done=top-up-released");

        HttpResponse<String> paid = demo.send("POST", "/api/v1/payments", Map.of("purpose", "TOP_UP",
                "targetId", topUpId, "gateway", "bank-transfer"), buyer, "top-up-released-" + topUpId);
        assertThat(paid.statusCode()).as(paid.body()).isBetween(200, 201);
        assertThat(web("GET", "/admin/clearing", staff, null).body()).as("no longer waiting")
                .doesNotContain("data-top-up=\"" + topUpId + "\"");
        assertThat(demo.host.riskAssessments().store().of(topUpId)).as("assessed again, noted as released, not held")
                .anySatisfy(again -> {
                    assertThat(again.held()).isFalse();
                    assertThat(again.reasons()).extracting(reason -> reason.code()).contains("released", "email.disposable");
                });
    }

    @DbTest
    void aGatewayPaymentWithACardSeenTooOftenHoldsItsOrder(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String s = OrderingHost.suffix();
        riskSettings(Map.of("velocity.card.limit", "1", "velocity.card.points", "100"));
        String card = "card-" + s;
        String one = demo.newReseller("card-a-" + s);
        String two = demo.newReseller("card-b-" + s);

        String firstOrder = paidWithCard(one, "kort-en-" + s + ".test", card);
        JsonNode first = demo.awaitFinal(one, firstOrder);
        assertThat(first.get("state").asText()).as(first.toString()).isEqualTo("COMPLETED");

        String secondOrder = paidWithCard(two, "kort-to-" + s + ".test", card);
        JsonNode second = staffView(secondOrder);
        assertThat(second.get("state").asText()).as(second.toString()).isEqualTo("HELD_FOR_REVIEW");
        assertThat(second.get("reviewReason").asText()).isEqualTo("risk score 100 ≥ 100: velocity.card (2 payments "
                + "with card " + card + " in 1 h (limit 1))");
        assertThat(second.at("/risk/kind").asText()).isEqualTo("PAYMENT");
        List<Payment> payments = demo.host.payments().payments().store().ofTarget(
                org.kontor.host.payments.PaymentPurpose.ORDER, secondOrder);
        assertThat(payments).extracting(Payment::cardFingerprint).containsExactly(card);
    }

    /** The order as staff see it, with its risk assessment. */
    private JsonNode staffView(String orderId) throws Exception {
        HttpResponse<String> response = demo.send("GET", "/api/v1/admin/orders/" + orderId, null, DemoData.ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return demo.json(response);
    }

    /** An order paid through the bank transfer gateway, its payment then reported by the gateway with a card. */
    private String paidWithCard(String token, String domain, String card) throws Exception {
        demo.cartWith(token, domain);
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "bank-transfer",
                "acceptTerms", true), token, "card-" + domain);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String orderId = demo.json(placed).get("id").asText();
        assertThat(demo.json(placed).get("state").asText()).isEqualTo("AWAITING_PAYMENT");
        HttpResponse<String> paying = demo.send("POST", "/api/v1/payments", Map.of("purpose", "ORDER",
                "targetId", orderId, "gateway", "bank-transfer"), token, "pay-" + domain);
        assertThat(paying.statusCode()).as(paying.body()).isEqualTo(201);
        JsonNode payment = demo.json(paying);
        Money amount = Money.of(payment.at("/amount/amount").asText(), payment.at("/amount/currency").asText());
        demo.host.payments().notificationsOf("payment-bank-transfer").report("bank-transfer", List.of(
                new PaymentNotification("statement-" + domain, payment.get("providerReference").asText(),
                        OutcomeStatus.PROCESSED, amount).withCardFingerprint(card)));
        return orderId;
    }

    /** A storefront session signed in with e-mail and password; its cookie. */
    private String signedIn(String email, String password) throws Exception {
        HttpResponse<String> form = web("GET", "/account/signin", null, null);
        String cookie = cookie(form, null);
        HttpResponse<String> signedIn = web("POST", "/account/signin", cookie, "_csrf=" + hidden(form.body(), "_csrf")
                + "&email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                + password);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        return cookie(signedIn, cookie);
    }

    private static String cookie(HttpResponse<String> response, String otherwise) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kontor_session="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElse(otherwise);
    }

    private static String hidden(String html, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(value.find()).as(name).isTrue();
        return java.net.URLEncoder.encode(value.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpResponse<String> web(String method, String path, String cookie, String form) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + demo.host.port() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, form == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(form));
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void riskSettings(Map<String, String> values) throws Exception {
        HttpResponse<String> saved = demo.send("PUT", "/api/v1/plugins/risk-basic/settings", new HashMap<>(values),
                DemoData.ADMIN_TOKEN);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private String placed(String token, String requestKey, String clientIp) throws Exception {
        HttpResponse<String> placed = demo.send("POST", "/api/v1/orders", Map.of("paymentMethod", "prepaid-account",
                "acceptTerms", true, "clientIp", clientIp), token, requestKey);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return demo.json(placed).get("id").asText();
    }

    private BigDecimal available(String token) throws Exception {
        JsonNode available = demo.json(demo.send("GET", OrderingHost.PREPAID + "/account", null, token)).get("account")
                .get("available");
        return new BigDecimal((available.isObject() ? available.get("amount") : available).asText());
    }
}
