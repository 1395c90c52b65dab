package org.kontor.host.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.ContactInput;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.customers.HolderContact;
import org.kontor.host.customers.InvalidInputException;
import org.kontor.host.customers.SignUp;
import org.kontor.host.json.JsonMapping;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Holder contacts go through the running address verifiers: a postal code that cannot be the country's is refused in
 * the user's language, one written otherwise is saved as the post writes it.
 */
@DatabaseTest(migrateHost = true)
class ContactAddressCheckTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-01T09:00:00Z"));
    private final ObjectMapper json = JsonMapping.create();
    private KontorHost host;

    @BeforeEach
    void start(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void aWrongPostalCodeIsRefusedAndACorrectableOneIsWrittenAsThePostWritesIt(Database database) {
        Customer customer = customer();
        InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () ->
                host.contacts().create(customer.id(), holder("1011", "DE")));
        assertThat(refused.errors()).containsOnlyKeys("postalCode");
        assertThat(refused.errors().get("postalCode").code()).isEqualTo("postal-code-invalid");
        assertThat(refused.errors().get("postalCode").message()).contains("DE");
        assertThat(host.contacts().list(customer.id())).isEmpty();

        HolderContact dutch = host.contacts().create(customer.id(), holder("1012ab", "NL"));
        assertThat(dutch.contact().address().postalCode()).isEqualTo("1012 AB");
        HolderContact danish = host.contacts().create(customer.id(), holder("DK-2100", "DK"));
        assertThat(danish.contact().address().postalCode()).isEqualTo("2100");
        assertThat(host.contacts().find(customer.id(), danish.id()).orElseThrow().contact().address().postalCode())
                .isEqualTo("2100");
        HolderContact unknownCountry = host.contacts().create(customer.id(), holder("ZZ-9", "AQ"));
        assertThat(unknownCountry.contact().address().postalCode()).as("unknown countries are accepted").isEqualTo("ZZ-9");
    }

    @DbTest
    void theApiNamesTheRefusedField(Database database) throws Exception {
        Customer customer = customer();
        String token = host.apiTokens().issue(customer.id(), Access.CUSTOMER, "test");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> refused = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + host.port() + "/api/v1/customers/me/contacts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                        "holderType", "INDIVIDUAL", "name", "Gustav Gast", "street", List.of("Storgatan 1"),
                        "city", "Stockholm", "postalCode", "014 55", "country", "SE", "email", "gustav@example.se",
                        "phone", "+46.812345678")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.at("/errors/postalCode").asText()).contains("not a postal code of SE");
    }

    @DbTest
    void theCheckoutHolderFormRefusesInTheUsersLanguage(Database database) throws Exception {
        Browser browser = new Browser(host.port());
        browser.language = "de";
        String email = "adresse" + SEQUENCE.incrementAndGet() + "@example.de";
        Map<String, String> signUp = new LinkedHashMap<>();
        signUp.put("_csrf", Browser.csrfToken(browser.page("/account/signup")));
        signUp.put("email", email);
        signUp.put("password", "ein gutes langes Passwort");
        signUp.put("name", "Gerda Gast");
        signUp.put("country", "DE");
        signUp.put("language", "de");
        assertThat(browser.form("/account/signup", signUp).statusCode()).isEqualTo(303);
        String token = Browser.csrfToken(browser.page("/account/details"));

        Map<String, String> holder = new LinkedHashMap<>();
        holder.put("_csrf", token);
        holder.put("holderType", "INDIVIDUAL");
        holder.put("name", "Gerda Gast");
        holder.put("street", "Hauptstraße 5");
        holder.put("city", "Berlin");
        holder.put("postalCode", "1011");
        holder.put("country", "DE");
        holder.put("email", email);
        holder.put("phone", "+49 30 1234567");
        HttpResponse<String> refused = browser.form("/checkout/contacts", holder);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Das ist keine Postleitzahl des gewählten Landes.");
        String customerId = host.customers().findByEmail(email).orElseThrow().id();
        assertThat(host.contacts().list(customerId)).isEmpty();

        holder.put("postalCode", "D-10115");
        assertThat(browser.form("/checkout/contacts", holder).statusCode()).isEqualTo(303);
        assertThat(host.contacts().list(customerId)).singleElement()
                .satisfies(saved -> assertThat(saved.contact().address().postalCode()).isEqualTo("10115"));
    }

    @DbTest
    void billingAddressesAreCheckedLikeHolderAddresses(Database database) throws Exception {
        Customer customer = customer();
        String token = host.apiTokens().issue(customer.id(), Access.CUSTOMER, "test");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, HttpResponse<String>> put = postalCode -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + host.port() + "/api/v1/customers/me/billing"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                                "street", List.of("Nørregade 7"), "postalCode", postalCode, "city", "København K")))).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        HttpResponse<String> refused = put.apply("21000");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).at("/errors/postalCode").asText()).contains("not a postal code of DK");
        assertThat(host.billing().profiles().of(customer.id()).postalCode()).as("nothing saved").isNull();

        HttpResponse<String> corrected = put.apply("DK-1165");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(host.billing().profiles().of(customer.id()).postalCode()).isEqualTo("1165");

        // The billing details page refuses in the customer's language.
        Browser browser = new Browser(host.port());
        browser.language = "da";
        String email = "faktura" + SEQUENCE.incrementAndGet() + "@example.dk";
        Map<String, String> signUp = new LinkedHashMap<>();
        signUp.put("_csrf", Browser.csrfToken(browser.page("/account/signup")));
        signUp.put("email", email);
        signUp.put("password", "en god lang adgangskode");
        signUp.put("name", "Frida Faktura");
        signUp.put("country", "DK");
        signUp.put("language", "da");
        assertThat(browser.form("/account/signup", signUp).statusCode()).isEqualTo(303);
        Map<String, String> billing = new LinkedHashMap<>();
        billing.put("_csrf", Browser.csrfToken(browser.page("/account/billing")));
        billing.put("street", "Nørregade 7");
        billing.put("postalCode", "ABC");
        billing.put("city", "København K");
        HttpResponse<String> page = browser.form("/account/billing", billing);
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("Dette er ikke et postnummer i det valgte land.");
        String customerId = host.customers().findByEmail(email).orElseThrow().id();
        assertThat(host.billing().profiles().of(customerId).postalCode()).isNull();
    }

    private Customer customer() {
        return host.customers().signUp(new SignUp("holder" + SEQUENCE.incrementAndGet() + "@example.net",
                "a long enough password", "Hanne Holder", null, "DK", "en", null));
    }

    private static ContactInput holder(String postalCode, String country) {
        return new ContactInput("INDIVIDUAL", "Hanne Holder", null, List.of("Vej 1"), "By", null, postalCode, country,
                "hanne@example.net", "+45.12345678", null, null, null, null, null, List.of());
    }
}
