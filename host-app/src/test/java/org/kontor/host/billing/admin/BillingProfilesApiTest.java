package org.kontor.host.billing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.billing.profile.BillingProfile;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.customers.Customer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** Billing profiles (PAY-4): the operator sets the whole profile, customers their own details but no exclusion. */
@DatabaseTest
class BillingProfilesApiTest {

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-10T10:00:00Z"));
    private BillingHost billing;

    @AfterEach
    void stop() {
        if (billing != null) {
            billing.close();
        }
    }

    @DbTest
    void theOperatorExcludesACustomerFromInvoicing(Database database) throws Exception {
        billing = BillingHost.start(database, clock);
        String admin = billing.adminToken();
        Customer customer = billing.customer("cust-1", "jens@example.com", "Hansen ApS", "DK", "DKK");
        String path = "/api/v1/admin/customers/" + customer.id() + "/billing";

        JsonNode empty = billing.read(billing.send("GET", path, admin, null));
        assertThat(empty.get("invoicingExcluded").asBoolean()).isFalse();
        assertThat(empty.get("delivery").asText()).isEqualTo("EMAIL");

        HttpResponse<String> saved = billing.send("PUT", path, admin, Map.of("street", List.of("Nørregade 7", "2. tv"),
                "postalCode", "1165", "city", "København K", "vatId", "DK 13 58 56 28", "invoiceEmail",
                "books@hansen.example", "delivery", "EMAIL_AND_POST", "invoicingExcluded", true, "dunningExcluded", false));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(billing.read(saved).get("vatId").asText()).isEqualTo("DK13585628");
        assertThat(billing.undocumented("PUT", "/api/v1/admin/customers/{id}/billing", saved)).isEmpty();

        BillingProfile profile = billing.host.billing().profiles().of(customer.id());
        assertThat(profile.invoicingExcluded()).isTrue();
        assertThat(profile.dunningExcluded()).isFalse();
        assertThat(profile.delivery()).isEqualTo(Delivery.EMAIL_AND_POST);
        assertThat(profile.street()).containsExactly("Nørregade 7", "2. tv");
        assertThat(billing.host.billing().profiles().buyer(customer.id()).orElseThrow().email())
                .isEqualTo("books@hansen.example");

        HttpResponse<String> invalid = billing.send("PUT", path, admin, Map.of("invoicingExcluded", "yes",
                "delivery", "PIGEON", "invoiceEmail", "not-an-address"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(billing.read(invalid).get("errors").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("invoicingExcluded", "delivery", "invoiceEmail");
        assertThat(billing.host.billing().profiles().of(customer.id()).invoicingExcluded())
                .as("nothing saved from refused input").isTrue();
        assertThat(billing.send("GET", "/api/v1/admin/customers/nobody/billing", admin, null).statusCode())
                .isEqualTo(404);
        assertThat(billing.send("PUT", path, billing.tokenOf(customer), Map.of("invoicingExcluded", false))
                .statusCode()).as("operators only").isEqualTo(403);
    }

    @DbTest
    void customersEditTheirOwnDetailsButNotTheirExclusions(Database database) throws Exception {
        billing = BillingHost.start(database, clock);
        Customer german = billing.customer("cust-de", "erika@example.com", "Muster GmbH", "DE", "EUR");
        Customer other = billing.customer("cust-cz", "jan@example.com", null, "CZ", "CZK");
        billing.host.billing().profiles().save(new BillingProfile(german.id(), List.of(), null, null, null, null,
                null, Delivery.EMAIL, false, true));
        String token = billing.tokenOf(german);
        String path = "/api/v1/customers/me/billing";

        HttpResponse<String> wrongCheckDigit = billing.send("PUT", path, token, Map.of("vatId", "DE123456789"));
        assertThat(wrongCheckDigit.statusCode()).isEqualTo(422);
        assertThat(billing.read(wrongCheckDigit).at("/errors/vatId").asText())
                .contains("DE123456789").contains("check digit").contains("9 digits");
        HttpResponse<String> otherCountry = billing.send("PUT", path, token, Map.of("vatId", "DK13585628"));
        assertThat(billing.read(otherCountry).at("/errors/vatId").asText()).contains("must start with DE");
        HttpResponse<String> exclusion = billing.send("PUT", path, token, Map.of("invoicingExcluded", true));
        assertThat(exclusion.statusCode()).isEqualTo(422);
        assertThat(billing.read(exclusion).at("/errors/invoicingExcluded").asText()).contains("operator");
        assertThat(billing.host.billing().profiles().of(german.id()).invoicingExcluded()).isFalse();

        Map<String, Object> details = new HashMap<>(Map.of("street", List.of("Hauptstraße 5"), "postalCode", "10115",
                "city", "Berlin", "vatId", "de 123 456 788", "invoiceEmail", "rechnung@muster.example"));
        HttpResponse<String> saved = billing.send("PUT", path, token, details);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode view = billing.read(saved);
        assertThat(billing.undocumented("PUT", path, saved)).isEmpty();
        assertThat(billing.undocumented("PUT", path, wrongCheckDigit)).isEmpty();
        assertThat(view.get("vatId").asText()).isEqualTo("DE123456788");
        assertThat(view.has("invoicingExcluded")).as("the exclusions are the operator's business").isFalse();
        BillingProfile profile = billing.host.billing().profiles().of(german.id());
        assertThat(profile.city()).isEqualTo("Berlin");
        assertThat(profile.dunningExcluded()).as("kept as the operator set it").isTrue();
        assertThat(profile.invoicingExcluded()).isFalse();

        JsonNode othersView = billing.read(billing.send("GET", path, billing.tokenOf(other), null));
        assertThat(othersView.get("customerId").asText()).isEqualTo(other.id());
        assertThat(othersView.get("city").isNull()).as("each customer sees their own").isTrue();
        assertThat(billing.send("GET", path, null, null).statusCode()).isEqualTo(401);
    }
}
