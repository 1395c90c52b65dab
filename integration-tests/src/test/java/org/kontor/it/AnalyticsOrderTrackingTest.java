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
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * TEC-6 end to end: the demo host with the Matomo and Google Analytics plugins; an order checked out through the JSON
 * API reaches Matomo's tracking endpoint from the server (cookieless mode: without consent, without a visitor id) and
 * not GA4 (no consent); an analytics endpoint that fails never breaks the order.
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
