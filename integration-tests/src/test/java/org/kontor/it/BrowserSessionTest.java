package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * A browser's session against the demo host: {@code GET /api/v1/session} tells the page's JavaScript whether it is
 * signed in, who, the CSRF token and the cart's item count; the token is needed for API calls with the session
 * cookie and for every form of the prepaid account plugin's pages.
 */
@DatabaseTest
class BrowserSessionTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final ObjectMapper json = new ObjectMapper();
    private OrderingHost demo;
    private HttpClient browser;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void theSessionTellsVisitorOrCustomerTheCsrfTokenAndTheCartsItems(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        demo.emptyCart(DemoData.RESELLER_TOKEN);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> first = call("GET", "/api/v1/session", null, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("kontor_session="));
        JsonNode visitor = json.readTree(first.body());
        assertThat(visitor.get("state").asText()).isEqualTo("visitor");
        assertThat(visitor.get("signedIn").asBoolean()).isFalse();
        assertThat(visitor.get("customer").isNull()).isTrue();
        assertThat(visitor.get("cartItems").asInt()).isZero();
        String visitorToken = visitor.get("csrfToken").asText();
        assertThat(visitorToken).isNotBlank();

        // With the cookie, signing in needs the session's token.
        Map<String, Object> credentials = Map.of("email", DemoData.RESELLER_EMAIL, "password", DemoData.RESELLER_PASSWORD);
        assertThat(call("POST", "/api/v1/session", credentials, null).statusCode()).isEqualTo(403);
        HttpResponse<String> signedIn = call("POST", "/api/v1/session", credentials, visitorToken);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);

        JsonNode session = json.readTree(call("GET", "/api/v1/session", null, null).body());
        assertThat(session.get("state").asText()).isEqualTo("signed-in");
        assertThat(session.get("signedIn").asBoolean()).isTrue();
        assertThat(session.at("/customer/id").asText()).isEqualTo(DemoData.RESELLER_ID);
        assertThat(session.at("/customer/email").asText()).isEqualTo(DemoData.RESELLER_EMAIL);
        assertThat(session.at("/customer/name").asText()).isEqualTo("Rasmus Reseller");
        assertThat(session.get("cartItems").asInt()).isZero();
        String token = session.get("csrfToken").asText();
        assertThat(token).isNotBlank().isNotEqualTo(visitorToken);

        // The page's JavaScript puts a domain in the cart with the token; without it the call is refused.
        Map<String, Object> item = Map.of("kind", "register", "domain", "session-" + OrderingHost.suffix() + ".test");
        HttpResponse<String> noToken = call("POST", "/api/v1/cart/items", item, null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(json.readTree(call("GET", "/api/v1/session", null, null).body()).get("cartItems").asInt()).isZero();
        HttpResponse<String> added = call("POST", "/api/v1/cart/items", item, token);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json.readTree(call("GET", "/api/v1/session", null, null).body()).get("cartItems").asInt()).isEqualTo(1);

        // Signed out, the session is a visitor's again, with an empty cart of its own.
        assertThat(call("DELETE", "/api/v1/session", null, token).statusCode()).isEqualTo(204);
        JsonNode after = json.readTree(call("GET", "/api/v1/session", null, null).body());
        assertThat(after.get("state").asText()).isEqualTo("visitor");
        assertThat(after.get("cartItems").asInt()).isZero();
        demo.emptyCart(DemoData.RESELLER_TOKEN);
    }

    @DbTest
    void everyFormOfThePrepaidAccountPagesNeedsTheSessionsToken(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        call("GET", "/api/v1/session", null, null);
        HttpResponse<String> signedIn = call("POST", "/api/v1/session", Map.of("email", DemoData.RESELLER_EMAIL,
                "password", DemoData.RESELLER_PASSWORD), csrfToken());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String token = json.readTree(signedIn.body()).get("csrfToken").asText();

        HttpResponse<String> page = call("GET", "/p/prepaid-account/settings", null, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher field = CSRF_FIELD.matcher(page.body());
        assertThat(field.find()).as(page.body()).isTrue();
        assertThat(field.group(1)).isEqualTo(token);
        HttpResponse<String> deposits = call("GET", "/p/prepaid-account/deposits", null, null);
        Matcher depositField = CSRF_FIELD.matcher(deposits.body());
        assertThat(depositField.find()).as(deposits.body()).isTrue();
        assertThat(depositField.group(1)).isEqualTo(token);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("notifyEmail", "forms@example.net");
        settings.put("lowBalanceThreshold", "250");
        settings.put("renewal", "manual");
        HttpResponse<String> forged = form("/p/prepaid-account/settings", settings);
        assertThat(forged.statusCode()).isEqualTo(403);
        settings.put("_csrf", "not-the-token");
        assertThat(form("/p/prepaid-account/settings", settings).statusCode()).isEqualTo(403);
        assertThat(demo.json(demo.send("GET", OrderingHost.PREPAID + "/account/settings", null,
                DemoData.RESELLER_TOKEN)).get("notifyEmail").asText()).isNotEqualTo("forms@example.net");

        settings.put("_csrf", field.group(1));
        HttpResponse<String> saved = form("/p/prepaid-account/settings", settings);
        assertThat(saved.statusCode()).as(saved.body()).isIn(200, 302, 303);
        assertThat(demo.json(demo.send("GET", OrderingHost.PREPAID + "/account/settings", null,
                DemoData.RESELLER_TOKEN)).get("notifyEmail").asText()).isEqualTo("forms@example.net");
    }

    private String csrfToken() throws Exception {
        return json.readTree(call("GET", "/api/v1/session", null, null).body()).get("csrfToken").asText();
    }

    private HttpResponse<String> call(String method, String path, Object body, String csrfToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.host.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.host.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
