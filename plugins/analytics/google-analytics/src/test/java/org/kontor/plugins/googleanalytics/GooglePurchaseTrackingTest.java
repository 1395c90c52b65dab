package org.kontor.plugins.googleanalytics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

/** Purchases reach GA4's Measurement Protocol as JSON, only for customers who consented. */
class GooglePurchaseTrackingTest {

    private final GoogleFixture fixture = new GoogleFixture();
    private final EventMetadata metadata = new EventMetadata("event-1", Instant.parse("2030-01-01T00:00:00Z"), 1);

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aConsentedOrderIsSentAsAPurchase() throws Exception {
        new GooglePurchaseTracking(fixture.context()).on(GoogleFixture.order(true), metadata);

        List<LoggedRequest> requests = fixture.ga4.findAll(postRequestedFor(urlPathEqualTo("/mp/collect")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.queryParameter("measurement_id").firstValue()).isEqualTo(GoogleFixture.MEASUREMENT_ID);
        assertThat(request.queryParameter("api_secret").firstValue()).isEqualTo(GoogleFixture.API_SECRET);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree(request.getBodyAsString());
        assertThat(body.get("client_id").asText()).matches("[0-9]+\\.[0-9]+").doesNotContain("customer-9");
        JsonNode event = body.at("/events/0");
        assertThat(event.get("name").asText()).isEqualTo("purchase");
        assertThat(event.at("/params/transaction_id").asText()).isEqualTo("O-20300101-5E6F7A8B");
        assertThat(event.at("/params/currency").asText()).isEqualTo("EUR");
        assertThat(event.at("/params/value").decimalValue()).isEqualByComparingTo("125.00");
        assertThat(event.at("/params/tax").decimalValue()).isEqualByComparingTo("31.25");
        assertThat(event.at("/params/items")).hasSize(2);
        assertThat(event.at("/params/items/0/item_id").asText()).isEqualTo("register.eu");
        assertThat(event.at("/params/items/0/item_name").asText()).isEqualTo("example.eu (1 year)");
        assertThat(event.at("/params/items/0/item_category").asText()).isEqualTo("domain-register");
        assertThat(event.at("/params/items/0/price").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(event.at("/params/items/1/quantity").asInt()).isEqualTo(1);
    }

    @Test
    void theSameCustomerIsTheSameClient() {
        assertThat(MeasurementProtocol.clientId("customer-9")).isEqualTo(MeasurementProtocol.clientId("customer-9"))
                .isNotEqualTo(MeasurementProtocol.clientId("customer-10"));
    }

    @Test
    void withoutConsentNothingIsSent() throws Exception {
        new GooglePurchaseTracking(fixture.context()).on(GoogleFixture.order(false), metadata);

        assertThat(fixture.ga4.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutAnApiSecretNothingIsSent() throws Exception {
        fixture.settings.remove(GoogleSettings.API_SECRET);

        new GooglePurchaseTracking(fixture.context()).on(GoogleFixture.order(true), metadata);

        assertThat(fixture.ga4.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusalMakesTheDeliveryFailSoThatTheHostSendsItAgain() {
        fixture.ga4.stubFor(post(urlPathEqualTo("/mp/collect")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> new GooglePurchaseTracking(fixture.context()).on(GoogleFixture.order(true), metadata))
                .isInstanceOf(IOException.class).hasMessageContaining("503");
    }
}
