package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Ordering through the JSON API against the demo: the reseller puts two domains (one IDN) and a forwarding add-on
 * in the cart, chooses the holder, applies a voucher, pays from the prepaid account, and the order completes at
 * the sandbox registry; input that is wrong is refused with its field and code, and no other customer sees it.
 */
@DatabaseTest
class DemoOrderTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void aResellerOrdersTwoDomainsAndAnAddonPaidFromThePrepaidAccount(Database database) throws Exception {
        start(database);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String plain = "bestil-" + suffix + ".test";
        String idn = "æblegrød-" + suffix + ".test";

        JsonNode addons = json.readTree(send("GET", "/api/v1/addons?currency=DKK", null, DemoData.RESELLER_TOKEN).body());
        assertThat(addons.get("addons").findValuesAsText("id")).contains("forwarding", "mail-basic", "web-start");

        assertThat(send("POST", "/api/v1/cart/items", Map.of("kind", "register", "domain", plain, "years", 1),
                DemoData.RESELLER_TOKEN).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/cart/items", Map.of("kind", "register", "domain", idn, "years", 2),
                DemoData.RESELLER_TOKEN).statusCode()).isEqualTo(201);
        HttpResponse<String> addon = send("POST", "/api/v1/cart/items", Map.of("kind", "addon", "product", "forwarding",
                "domain", plain), DemoData.RESELLER_TOKEN);
        assertThat(addon.statusCode()).isEqualTo(201);
        JsonNode cart = json.readTree(addon.body());
        assertThat(cart.get("items")).hasSize(3);
        assertThat(cart.at("/items/1/domainAscii").asText()).startsWith("xn--");
        assertThat(cart.at("/subtotal/amount").asText()).isEqualTo("360.00"); // 100 + 2 × 100 + 60

        // Refused input names its field and code, and leaves the cart as it was.
        HttpResponse<String> twice = send("POST", "/api/v1/cart/items", Map.of("kind", "register", "domain", plain),
                DemoData.RESELLER_TOKEN);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(json.readTree(twice.body()).get("reason").asText()).isEqualTo("already-in-cart");
        HttpResponse<String> noCode = send("POST", "/api/v1/cart/items", Map.of("kind", "transfer", "domain",
                "elsewhere-" + suffix + ".test"), DemoData.RESELLER_TOKEN);
        assertThat(json.readTree(noCode.body()).get("reason").asText()).isEqualTo("auth-code-required");
        HttpResponse<String> badName = send("POST", "/api/v1/cart/items", Map.of("kind", "register", "domain",
                "-bad-.test"), DemoData.RESELLER_TOKEN);
        assertThat(json.readTree(badName.body()).get("reason").asText()).isEqualTo("domain-invalid");
        HttpResponse<String> unknownTld = send("POST", "/api/v1/cart/items", Map.of("kind", "register", "domain",
                "name-" + suffix + ".nosuchtld"), DemoData.RESELLER_TOKEN);
        assertThat(json.readTree(unknownTld.body()).get("reason").asText()).isEqualTo("tld-not-offered");

        HttpResponse<String> withoutHolder = send("POST", "/api/v1/orders", Map.of("paymentMethod", "prepaid-account",
                "acceptTerms", true), DemoData.RESELLER_TOKEN, "checkout-" + suffix + "-early");
        assertThat(withoutHolder.statusCode()).isEqualTo(422);
        assertThat(json.readTree(withoutHolder.body()).get("errors").fieldNames()).toIterable()
                .contains("items[0].holder", "items[1].holder");

        JsonNode contacts = json.readTree(send("GET", "/api/v1/customers/me/contacts", null, DemoData.RESELLER_TOKEN).body());
        String holder = contacts.get(0).get("id").asText();
        for (JsonNode item : cart.get("items")) {
            if (!item.get("kind").asText().equals("addon")) {
                assertThat(send("PATCH", "/api/v1/cart/items/" + item.get("id").asText(), Map.of("holder", holder),
                        DemoData.RESELLER_TOKEN).statusCode()).isEqualTo(200);
            }
        }
        JsonNode withVoucher = json.readTree(send("PUT", "/api/v1/cart/voucher", Map.of("code", "welcome10"),
                DemoData.RESELLER_TOKEN).body());
        assertThat(withVoucher.get("voucher").asText()).isEqualTo("WELCOME10");
        assertThat(withVoucher.at("/discount/amount").asText()).isEqualTo("30.00"); // 10 % of the registrations
        assertThat(withVoucher.at("/total/amount").asText()).isEqualTo("330.00");
        HttpResponse<String> expired = send("PUT", "/api/v1/cart/voucher", Map.of("code", "EXPIRED"), DemoData.RESELLER_TOKEN);
        assertThat(json.readTree(expired.body()).get("reason").asText()).isEqualTo("voucher-expired");

        JsonNode methods = json.readTree(send("GET", "/api/v1/cart/payment-methods?currency=DKK", null,
                DemoData.RESELLER_TOKEN).body());
        assertThat(methods.get("paymentMethods").findValuesAsText("id")).contains("prepaid-account");

        HttpResponse<String> noTerms = send("POST", "/api/v1/orders", Map.of("paymentMethod", "prepaid-account"),
                DemoData.RESELLER_TOKEN, "checkout-" + suffix + "-terms");
        assertThat(json.readTree(noTerms.body()).get("reason").asText()).isEqualTo("terms-required");

        String key = "checkout-" + suffix;
        HttpResponse<String> placed = send("POST", "/api/v1/orders", Map.of("paymentMethod", "prepaid-account",
                "acceptTerms", true), DemoData.RESELLER_TOKEN, key);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode order = json.readTree(placed.body());
        String orderId = order.get("id").asText();
        assertThat(order.at("/total/amount").asText()).isEqualTo("330.00");
        assertThat(order.get("state").asText()).isIn("FUNDED", "PROVISIONING", "COMPLETED");
        HttpResponse<String> again = send("POST", "/api/v1/orders", Map.of("paymentMethod", "prepaid-account",
                "acceptTerms", true), DemoData.RESELLER_TOKEN, key);
        assertThat(json.readTree(again.body()).get("id").asText()).isEqualTo(orderId);
        assertThat(json.readTree(send("GET", "/api/v1/cart", null, DemoData.RESELLER_TOKEN).body()).get("items")).isEmpty();

        JsonNode done = awaitFinal(orderId);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("lines").findValuesAsText("state")).as(done.toString()).containsOnly("COMPLETED");
        assertThat(host.domainStore().find("demo-reseller", org.kontor.api.domain.DomainName.of(idn))).isPresent();

        // The name is taken now; and another customer does not see the order.
        HttpResponse<String> taken = send("POST", "/api/v1/cart/items", Map.of("kind", "register", "domain", plain),
                DemoData.RESELLER_TOKEN);
        assertThat(json.readTree(taken.body()).get("reason").asText()).isEqualTo("domain-taken");
        String otherToken = host.apiTokens().issue(DemoData.CUSTOMER_ID, Access.CUSTOMER, "test");
        assertThat(send("GET", "/api/v1/orders/" + orderId, null, otherToken).statusCode()).isEqualTo(404);
        assertThat(json.readTree(send("GET", "/api/v1/orders", null, otherToken).body()).get("orders")).isEmpty();
    }

    private JsonNode awaitFinal(String orderId) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode order;
        do {
            order = json.readTree(send("GET", "/api/v1/orders/" + orderId, null, DemoData.RESELLER_TOKEN).body());
            if (order.get("state").asText().matches("COMPLETED|FAILED|CANCELLED")) {
                return order;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(until));
        return order;
    }

    private void start(Database database) throws Exception {
        host = DemoHosts.start(database);
        int sandboxPort = DemoHosts.freePort();
        new DemoData(host, sandboxPort).load();
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) throws Exception {
        return send(method, path, body, token, null);
    }

    private HttpResponse<String> send(String method, String path, Object body, String token, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
