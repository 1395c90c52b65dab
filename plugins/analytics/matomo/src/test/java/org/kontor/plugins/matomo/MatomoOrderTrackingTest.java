package org.kontor.plugins.matomo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.api.event.EventMetadata;

/** Orders reach Matomo's HTTP Tracking API as e-commerce orders, and only when the visitor may be tracked. */
class MatomoOrderTrackingTest {

    private final MatomoFixture fixture = new MatomoFixture();
    private final EventMetadata metadata = new EventMetadata("event-1", Instant.parse("2030-01-01T00:00:00Z"), 1);

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aConsentedOrderIsTrackedAsAnEcommerceOrderWithItsItems() throws Exception {
        fixture.settings.put(MatomoSettings.AUTH_TOKEN, MatomoFixture.TOKEN);

        new MatomoOrderTracking(fixture.context()).on(MatomoFixture.order(true), metadata);

        List<LoggedRequest> requests = fixture.matomo.findAll(postRequestedFor(urlPathEqualTo("/matomo.php")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.formParameters().get("idsite").firstValue()).isEqualTo("7");
        assertThat(request.formParameters().get("rec").firstValue()).isEqualTo("1");
        assertThat(request.formParameters().get("idgoal").firstValue()).isEqualTo("0");
        assertThat(request.formParameters().get("ec_id").firstValue()).isEqualTo("O-20300101-1A2B3C4D");
        assertThat(request.formParameters().get("revenue").firstValue()).isEqualTo("156.25");
        assertThat(request.formParameters().get("ec_st").firstValue()).isEqualTo("125.00");
        assertThat(request.formParameters().get("ec_tx").firstValue()).isEqualTo("31.25");
        assertThat(request.formParameters().get("token_auth").firstValue()).isEqualTo(MatomoFixture.TOKEN);
        assertThat(request.formParameters().get("_id").firstValue()).matches("[0-9a-f]{16}")
                .isEqualTo(MatomoTracking.visitorId("customer-7")).doesNotContain("customer-7");
        JsonNode items = new ObjectMapper().readTree(request.formParameters().get("ec_items").firstValue());
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get(0).asText()).isEqualTo("register.dk");
        assertThat(items.get(0).get(1).asText()).isEqualTo("example.dk (1 year)");
        assertThat(items.get(0).get(2).asText()).isEqualTo("domain-register");
        assertThat(items.get(0).get(3).decimalValue()).isEqualByComparingTo("75.00");
        assertThat(items.get(0).get(4).asInt()).isEqualTo(1);
        assertThat(items.get(1).get(1).asText()).isEqualTo("Webhotel S \"Start\"");
    }

    @Test
    void withoutConsentAndWithCookiesNothingIsSent() throws Exception {
        new MatomoOrderTracking(fixture.context()).on(MatomoFixture.order(false), metadata);

        assertThat(fixture.matomo.findAll(postRequestedFor(urlPathEqualTo("/matomo.php")))).isEmpty();
    }

    @Test
    void cookielessModeTracksWithoutConsentButWithoutAVisitorId() throws Exception {
        fixture.settings.put(MatomoSettings.COOKIELESS, "true");

        new MatomoOrderTracking(fixture.context()).on(MatomoFixture.order(false), metadata);

        fixture.matomo.verify(1, postRequestedFor(urlPathEqualTo("/matomo.php"))
                .withFormParam("ec_id", equalTo("O-20300101-1A2B3C4D")).withFormParam("idgoal", equalTo("0")));
        assertThat(fixture.matomo.findAll(postRequestedFor(urlPathEqualTo("/matomo.php"))).get(0).formParameters())
                .doesNotContainKeys("_id", "token_auth");
    }

    @Test
    void aMatomoThatRefusesMakesTheDeliveryFailSoThatTheHostSendsItAgain() {
        fixture.matomo.stubFor(post(urlPathEqualTo("/matomo.php")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));

        assertThatThrownBy(() -> new MatomoOrderTracking(fixture.context()).on(MatomoFixture.order(true), metadata))
                .isInstanceOf(IOException.class).hasMessageContaining("500");
    }

    @Test
    void anUnconfiguredPluginSendsNothing() throws Exception {
        fixture.settings.remove(MatomoSettings.SITE_ID);

        new MatomoOrderTracking(fixture.context()).on(MatomoFixture.order(true), metadata);

        assertThat(fixture.matomo.getAllServeEvents()).isEmpty();
    }
}
