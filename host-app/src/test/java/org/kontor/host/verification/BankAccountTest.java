package org.kontor.host.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.Customer;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.customers.SignUp;
import org.kontor.host.json.JsonMapping;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Bank data in the host (PAY-5): the live check for forms, and the refund bank account of the master data, refused
 * in the user's language when a verifier refuses it.
 */
@DatabaseTest(migrateHost = true)
class BankAccountTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestClock clock = TestClock.at(Instant.parse("2030-06-01T09:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
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
    void theLiveCheckAnswersTheVerdictToSignedInUsersOnly(Database database) throws Exception {
        String token = host.apiTokens().issue(customer().id(), Access.CUSTOMER, "test");
        HttpResponse<String> valid = call("POST", "/api/v1/verification/bank-account", token,
                "{\"iban\":\"DE89 3704 0044 0532 0130 00\",\"bic\":\"COBADEFFXXX\"}");
        assertThat(valid.statusCode()).isEqualTo(200);
        JsonNode verdict = json.readTree(valid.body());
        assertThat(verdict.path("valid").asBoolean()).isTrue();
        assertThat(verdict.path("iban").asText()).isEqualTo("DE89370400440532013000");
        assertThat(verdict.path("country").asText()).isEqualTo("DE");
        assertThat(verdict.path("problems").size()).isZero();

        HttpResponse<String> mismatch = call("POST", "/api/v1/verification/bank-account", token,
                "{\"iban\":\"DE88370400440532013000\",\"bic\":\"NWBKGB2L\"}");
        JsonNode wrong = json.readTree(mismatch.body());
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(wrong.path("valid").asBoolean()).isFalse();
        assertThat(wrong.path("problems").findValuesAsText("code")).containsExactly("iban-check-digits", "bic-country");

        HttpResponse<String> country = call("POST", "/api/v1/verification/bank-account", token,
                "{\"iban\":\"DE89370400440532013000\",\"bic\":\"NWBKGB2L\"}");
        assertThat(json.readTree(country.body()).path("problems").findValuesAsText("code")).containsExactly("bic-country");

        HttpResponse<String> missing = call("POST", "/api/v1/verification/bank-account", token, "{}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(call("POST", "/api/v1/verification/bank-account", null,
                "{\"iban\":\"DE89370400440532013000\"}").statusCode()).isEqualTo(401);
    }

    @DbTest
    void theRefundAccountThroughTheApi(Database database) throws Exception {
        Customer customer = customer();
        String token = host.apiTokens().issue(customer.id(), Access.CUSTOMER, "test");
        assertThat(call("GET", "/api/v1/customers/me/refund-account", token, null).statusCode()).isEqualTo(404);

        HttpResponse<String> refused = call("PUT", "/api/v1/customers/me/refund-account", token,
                "{\"iban\":\"DK5000400440116244\",\"bic\":\"DABADKKK\",\"holder\":\"Karen Kunde\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).at("/errors/iban").asText()).startsWith("iban-check-digits: ");
        assertThat(host.refundAccounts().find(customer.id())).isEmpty();

        HttpResponse<String> saved = call("PUT", "/api/v1/customers/me/refund-account", token,
                "{\"iban\":\"dk50 0040 0440 1162 43\",\"bic\":\"dabadkkk\",\"holder\":\"Karen Kunde\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode account = json.readTree(call("GET", "/api/v1/customers/me/refund-account", token, null).body());
        assertThat(account.path("iban").asText()).isEqualTo("DK5000400440116243");
        assertThat(account.path("bic").asText()).isEqualTo("DABADKKK");
        assertThat(account.path("holder").asText()).isEqualTo("Karen Kunde");

        assertThat(call("DELETE", "/api/v1/customers/me/refund-account", token, null).statusCode()).isEqualTo(204);
        assertThat(host.refundAccounts().find(customer.id())).isEmpty();
    }

    @DbTest
    void theMasterDataPageRefusesAWrongAccountInTheUsersLanguage(Database database) throws Exception {
        Browser browser = new Browser(host.port());
        browser.language = "cs";
        String email = "ucet" + SEQUENCE.incrementAndGet() + "@example.cz";
        Map<String, String> signUp = new LinkedHashMap<>();
        signUp.put("_csrf", Browser.csrfToken(browser.page("/account/signup")));
        signUp.put("email", email);
        signUp.put("password", "dlouhé dobré heslo");
        signUp.put("name", "Jana Nováková");
        signUp.put("country", "CZ");
        signUp.put("language", "cs");
        assertThat(browser.form("/account/signup", signUp).statusCode()).isEqualTo(303);
        HttpResponse<String> page = browser.page("/account/details");
        assertThat(page.body()).contains("id=\"refund-account\"").contains("id=\"refundIban\"");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", Browser.csrfToken(page));
        form.put("name", "Jana Svobodová");
        form.put("company", "");
        form.put("country", "CZ");
        form.put("language", "cs");
        form.put("refundIban", "CZ65 0800 0000 1920 0014 5398");
        form.put("refundBic", "GIBASKBX");
        form.put("refundHolder", "Jana Svobodová");
        HttpResponse<String> refused = browser.form("/account/details", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"refundIban-error\"")
                .contains("Kontrolní číslice tohoto IBAN nesouhlasí.")
                .contains("value=\"CZ65 0800 0000 1920 0014 5398\"");
        Customer unchanged = host.customers().findByEmail(email).orElseThrow();
        assertThat(unchanged.name()).as("nothing was saved").isEqualTo("Jana Nováková");

        form.put("refundIban", "CZ65 0800 0000 1920 0014 5399");
        HttpResponse<String> wrongBic = browser.form("/account/details", form);
        assertThat(wrongBic.statusCode()).isEqualTo(422);
        assertThat(wrongBic.body()).contains("id=\"refundBic-error\"").contains("BIC patří bance v jiné zemi než IBAN.");

        form.put("refundBic", "GIBACZPX");
        assertThat(browser.form("/account/details", form).statusCode()).isEqualTo(303);
        assertThat(host.customers().findByEmail(email).orElseThrow().name()).isEqualTo("Jana Svobodová");
        RefundAccount account = host.refundAccounts().find(unchanged.id()).orElseThrow();
        assertThat(account.iban()).isEqualTo("CZ6508000000192000145399");
        assertThat(account.bic()).isEqualTo("GIBACZPX");
        assertThat(browser.page("/account/details").body()).contains("value=\"CZ6508000000192000145399\"");

        form.put("refundIban", "");
        form.put("refundBic", "");
        form.put("refundHolder", "");
        assertThat(browser.form("/account/details", form).statusCode()).as("emptied, the account is removed")
                .isEqualTo(303);
        assertThat(host.refundAccounts().find(unchanged.id())).isEmpty();
    }

    private Customer customer() {
        return host.customers().signUp(new SignUp("bank" + SEQUENCE.incrementAndGet() + "@example.net",
                "a long enough password", "Karen Kunde", null, "DK", "en", null));
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
