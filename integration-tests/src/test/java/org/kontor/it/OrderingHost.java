package org.kontor.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.api.web.Access;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.customers.SignUp;
import org.kontor.host.demo.DemoData;

/**
 * The demo host on a clock the test moves, with the sandbox registry connected, and the calls the ordering tests
 * make through the JSON API: cart, checkout, clearing, the prepaid account.
 */
final class OrderingHost implements AutoCloseable {

    static final String PREPAID = "/api/v1/p/prepaid-account";

    private static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    final KontorHost host;
    final MutableClock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private OrderingHost(KontorHost host, MutableClock clock) {
        this.host = host;
        this.clock = clock;
    }

    static OrderingHost start(Database database, Map<String, String> environment) throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        // Every start has a data directory of its own, and the shared database keeps secrets sealed by the first.
        Map<String, String> settings = new java.util.HashMap<>(environment);
        settings.put("KONTOR_SECRETS_MASTER_KEY", MASTER_KEY);
        KontorHost host = DemoHosts.start(database, clock, settings);
        try {
            new DemoData(host, DemoHosts.freePort()).load();
        } catch (RuntimeException e) {
            host.close();
            throw e;
        }
        return new OrderingHost(host, clock);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> send(String method, String path, Object body, String token) throws Exception {
        return send(method, path, body, token, null);
    }

    HttpResponse<String> send(String method, String path, Object body, String token, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    /** The code of a refusal (the first error's), or "" when the answer was not one. */
    String reason(HttpResponse<String> response) throws Exception {
        JsonNode reason = json(response).get("reason");
        return reason == null ? "" : reason.asText();
    }

    /** Adds a registration to the caller's cart; the answer as it came. */
    HttpResponse<String> addRegistration(String token, String domain, int years) throws Exception {
        return send("POST", "/api/v1/cart/items", Map.of("kind", "register", "domain", domain, "years", years), token);
    }

    /** Puts a registration in the cart, with the caller's first holder contact, and fails when it is refused. */
    void cartWith(String token, String domain) throws Exception {
        HttpResponse<String> added = addRegistration(token, domain, 1);
        if (added.statusCode() != 201) {
            throw new AssertionError("adding " + domain + " was refused: " + added.body());
        }
        String holder = json(send("GET", "/api/v1/customers/me/contacts", null, token)).get(0).get("id").asText();
        for (JsonNode item : json(added).get("items")) {
            if (item.get("holder") == null || item.get("holder").isNull()) {
                HttpResponse<String> changed = send("PATCH", "/api/v1/cart/items/" + item.get("id").asText(),
                        Map.of("holder", holder), token);
                if (changed.statusCode() != 200) {
                    throw new AssertionError("choosing the holder was refused: " + changed.body());
                }
            }
        }
    }

    /** Empties the buyer's cart and takes its voucher off (the methods of a test class share a database). */
    void emptyCart(String token) throws Exception {
        for (JsonNode item : json(send("GET", "/api/v1/cart", null, token)).get("items")) {
            send("DELETE", "/api/v1/cart/items/" + item.get("id").asText(), null, token);
        }
        send("DELETE", "/api/v1/cart/voucher", null, token);
    }

    HttpResponse<String> checkout(String token, String requestKey) throws Exception {
        return send("POST", "/api/v1/orders", Map.of("paymentMethod", "prepaid-account", "acceptTerms", true), token,
                requestKey);
    }

    /** The reseller's order once it is COMPLETED, FAILED or CANCELLED (or as it is after 30 seconds). */
    JsonNode awaitFinal(String orderId) throws Exception {
        return awaitFinal(DemoData.RESELLER_TOKEN, orderId);
    }

    JsonNode order(String token, String orderId) throws Exception {
        return json(send("GET", "/api/v1/orders/" + orderId, null, token));
    }

    /** The buyer's order once it is COMPLETED, FAILED or CANCELLED (or as it is after 30 seconds). */
    JsonNode awaitFinal(String token, String orderId) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode order;
        do {
            order = order(token, orderId);
            if (order.get("state").asText().matches("COMPLETED|FAILED|CANCELLED")) {
                return order;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(until));
        return order;
    }

    /** The reseller's prepaid account as its API shows it. */
    JsonNode account() throws Exception {
        return json(send("GET", PREPAID + "/account", null, DemoData.RESELLER_TOKEN)).get("account");
    }

    /** What the reseller may still spend on new domains from the prepaid account: the balance less what is held. */
    BigDecimal available() throws Exception {
        JsonNode available = account().get("available");
        return new BigDecimal((available.isObject() ? available.get("amount") : available).asText());
    }

    /** Moves the reseller's prepaid balance by an operator's adjustment. */
    void adjust(String amount) throws Exception {
        String accountId = account().get("id").asText();
        HttpResponse<String> adjusted = send("POST", PREPAID + "/admin/accounts/" + accountId + "/adjustments",
                Map.of("amount", amount, "reason", "test"), DemoData.ADMIN_TOKEN);
        if (adjusted.statusCode() / 100 != 2) {
            throw new AssertionError("the adjustment was refused: " + adjusted.body());
        }
    }

    /** A new reseller with a company holder and a prepaid account of 1,000 DKK (the demo's scheme); its API token. */
    String newReseller(String id) throws Exception {
        return newReseller(id, id + "@example.net");
    }

    /** A new reseller with this e-mail address and a prepaid account of 1,000 DKK; its API token. */
    String newReseller(String id, String email) throws Exception {
        host.customers().create(id, new SignUp(email, "other-reseller-password", "Otto Other",
                "Other ApS", "DK", "en", "DKK"), Access.RESELLER);
        host.contacts().create(id, new ContactInput("COMPANY", "Otto Other", "Other ApS", List.of("Andenvej 2"),
                "Odense C", null, "5000", "DK", id + "@example.net", "+45.66123456", null, null, "DK11223344", null, null,
                List.of()));
        String token = host.apiTokens().issue(id, Access.RESELLER, "test");
        HttpResponse<String> applied = send("POST", PREPAID + "/applications", Map.of("scheme", "demo-dkk"), token);
        if (applied.statusCode() != 201) {
            throw new AssertionError("the application was refused: " + applied.body());
        }
        String accountId = json(applied).get("id").asText();
        HttpResponse<String> approved = send("POST", PREPAID + "/admin/applications/" + accountId + "/approve", null,
                DemoData.ADMIN_TOKEN);
        HttpResponse<String> paid = send("POST", PREPAID + "/admin/accounts/" + accountId + "/adjustments",
                Map.of("amount", "1000", "reason", "test"), DemoData.ADMIN_TOKEN);
        if (approved.statusCode() / 100 != 2 || paid.statusCode() / 100 != 2) {
            throw new AssertionError("the account was not opened: " + approved.body() + " " + paid.body());
        }
        return token;
    }

    @Override
    public void close() {
        host.close();
    }
}
