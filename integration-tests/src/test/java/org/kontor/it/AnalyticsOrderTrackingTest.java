package org.kontor.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.it.browser.PageClient;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * TEC-6 end to end: the demo host with the Matomo and Google Analytics plugins; an order checked out through the JSON
 * API reaches Matomo's tracking endpoint from the server (cookieless mode: without consent, without a visitor id) and
 * not GA4 (no consent); an analytics endpoint that fails never breaks the order; an order checked out in the storefront
 * after the visitor accepted analytics in the banner reaches both, Matomo with a visitor id.
 */
@DatabaseTest
class AnalyticsOrderTrackingTest {

    private final WireMockServer analytics = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
            .dynamicPort());
    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
        analytics.stop();
    }

    @DbTest
    void ordersReachMatomoFromTheServerAndAFailingEndpointNeverBreaksTheOrder(Database database) throws Exception {
        analytics.start();
        analytics.stubFor(post(urlPathEqualTo("/mp/collect")).willReturn(aResponse().withStatus(204)));
        analytics.stubFor(post(urlPathEqualTo("/matomo.php")).willReturn(aResponse().withStatus(500)
                .withBody("Internal Server Error")));
        demo = OrderingHost.start(database, Map.of());
        assertThat(demo.host.plugins().activePluginIds()).contains("analytics-matomo", "analytics-google");
        String base = "http://127.0.0.1:" + analytics.port();
        settings("analytics-matomo", Map.of("base-url", base, "site-id", "7", "cookieless", "true"));
        settings("analytics-google", Map.of("measurement-id", "G-KONTOR1234", "api-secret", "secret", "base-url", base));
        demo.emptyCart(DemoData.RESELLER_TOKEN);

        String failing = place("matomo-down-" + OrderingHost.suffix() + ".test");
        assertThat(tracked(failing)).as("Matomo was asked").isPresent();
        assertThat(demo.awaitFinal(failing).get("state").asText()).as("the order goes on").isEqualTo("COMPLETED");

        analytics.stubFor(post(urlPathEqualTo("/matomo.php")).willReturn(aResponse().withStatus(204)));
        String domain = "matomo-up-" + OrderingHost.suffix() + ".test";
        String orderId = place(domain);
        LoggedRequest request = tracked(orderId).orElseThrow(() -> new AssertionError("Matomo never saw " + orderId));
        JsonNode order = demo.order(DemoData.RESELLER_TOKEN, orderId);
        assertThat(request.formParameters().get("idsite").firstValue()).isEqualTo("7");
        assertThat(request.formParameters().get("rec").firstValue()).isEqualTo("1");
        assertThat(request.formParameters().get("idgoal").firstValue()).isEqualTo("0");
        assertThat(request.formParameters().get("revenue").firstValue()).isEqualTo(order.at("/total/amount").asText());
        JsonNode items = new ObjectMapper().readTree(request.formParameters().get("ec_items").firstValue());
        assertThat(items.get(0).get(0).asText()).isEqualTo("register.test");
        assertThat(items.get(0).get(1).asText()).contains(domain);
        assertThat(request.formParameters()).as("no consent through the API: no visitor id").doesNotContainKey("_id");
        assertThat(demo.awaitFinal(orderId).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(analytics.findAll(postRequestedFor(urlPathEqualTo("/mp/collect"))))
                .as("GA4 gets no purchase without consent").isEmpty();

        // In the storefront, the reseller accepts analytics in the banner and checks out: both services get the order.
        PageClient reseller = new PageClient(demo.host.port());
        reseller.signIn(DemoData.RESELLER_EMAIL, DemoData.RESELLER_PASSWORD);
        String page = reseller.page("/domains").body();
        assertThat(page).contains("id=\"consent-banner\"");
        HttpResponse<String> accepted = reseller.post("/consent", Map.of("_csrf", PageClient.hidden(page, "_csrf"),
                "choice", "analytics", "return", "/domains"));
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(reseller.page("/domains").body()).doesNotContain("id=\"consent-banner\"");
        String webDomain = "consented-" + OrderingHost.suffix() + ".test";
        reseller.post("/cart/items", Map.of("_csrf", reseller.csrfToken(), "domain", webDomain, "operation", "register",
                "period", "1"));
        HttpResponse<String> placed = reseller.post("/checkout", checkoutForm(reseller.page("/checkout").body()));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(303);
        String webOrder = placed.headers().firstValue("Location").orElseThrow().replace("/orders/", "");

        LoggedRequest consented = tracked(webOrder).orElseThrow(() -> new AssertionError("Matomo never saw " + webOrder));
        assertThat(consented.formParameters().get("_id").firstValue()).as("a visitor id after consent")
                .matches("[0-9a-f]{16}");
        JsonNode purchase = purchase(webOrder).orElseThrow(() -> new AssertionError("GA4 never saw " + webOrder));
        assertThat(purchase.at("/events/0/name").asText()).isEqualTo("purchase");
        assertThat(purchase.at("/events/0/params/items/0/item_name").asText()).contains(webDomain);
        assertThat(purchase.at("/events/0/params/currency").asText())
                .isEqualTo(demo.order(DemoData.RESELLER_TOKEN, webOrder).at("/total/currency").asText());
    }

    /** GA4's purchase of the order, once it arrived. */
    private Optional<JsonNode> purchase(String orderId) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        ObjectMapper json = new ObjectMapper();
        do {
            for (LoggedRequest request : analytics.findAll(postRequestedFor(urlPathEqualTo("/mp/collect")))) {
                JsonNode body = json.readTree(request.getBodyAsString());
                if (orderId.equals(body.at("/events/0/params/transaction_id").asText())) {
                    return Optional.of(body);
                }
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(until));
        return Optional.empty();
    }

    /** The checkout form as the page fills it in: the first holder for each domain, the prepaid account, terms. */
    private static Map<String, String> checkoutForm(String html) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("_csrf", PageClient.hidden(html, "_csrf"));
        form.put("requestKey", PageClient.hidden(html, "requestKey"));
        List<String> items = PageClient.all(html, "name=\"holder\\.([0-9a-f-]{36})\"");
        List<String> holders = PageClient.all(html, "<option value=\"([0-9a-f-]{36})\"");
        items.forEach(item -> form.put("holder." + item, holders.get(0)));
        form.put("nameserverMode", "default");
        form.put("nameservers", "");
        form.put("payment", "prepaid-account");
        form.put("terms", "on");
        return form;
    }

    private void settings(String pluginId, Map<String, String> values) throws Exception {
        HttpResponse<String> saved = demo.send("PUT", "/api/v1/plugins/" + pluginId + "/settings", values,
                DemoData.ADMIN_TOKEN);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private String place(String domain) throws Exception {
        demo.cartWith(DemoData.RESELLER_TOKEN, domain);
        HttpResponse<String> placed = demo.checkout(DemoData.RESELLER_TOKEN, "analytics-" + domain);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return demo.json(placed).get("id").asText();
    }

    /** Matomo's tracking request for the order, once it arrived (the event is delivered after the order commits). */
    private Optional<LoggedRequest> tracked(String orderId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        do {
            List<LoggedRequest> requests = analytics.findAll(postRequestedFor(urlPathEqualTo("/matomo.php")));
            Optional<LoggedRequest> found = requests.stream().filter(request -> request.formParameters().containsKey("ec_id")
                    && orderId.equals(request.formParameters().get("ec_id").firstValue())).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(until));
        return Optional.empty();
    }
}
