package org.kontor.host.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** A reseller's own API tokens at {@code /account/api-tokens}: shown once, working, revoked by their holder only. */
@DatabaseTest(migrateHost = true)
class ApiTokenPagesTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token\">([^<]+)</code>");

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
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
    void aResellerCreatesATokenSeenOnceUsesItAndRevokesIt(Database database) throws Exception {
        Customer reseller = account(Access.RESELLER);
        Browser browser = signedIn(reseller);
        String csrf = Browser.csrfToken(browser.page("/account/api-tokens"));

        HttpResponse<String> refused = browser.form("/account/api-tokens", Map.of("_csrf", csrf, "label", " "));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"label-error\"");
        HttpResponse<String> created = browser.form("/account/api-tokens", Map.of("_csrf", csrf, "label", "billing <system>"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(created.body()).contains("billing &lt;system&gt;").doesNotContain("billing <system>");
        Matcher shown = NEW_TOKEN.matcher(created.body());
        assertThat(shown.find()).isTrue();
        String token = shown.group(1);
        assertThat(browser.page("/account/api-tokens").body()).as("shown only once").doesNotContain(token)
                .contains("billing &lt;system&gt;");

        HttpResponse<String> me = new Browser(host.port()).json("GET", "/api/v1/customers/me", null, "Authorization", "Bearer " + token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":\"" + reseller.id() + "\"").contains("\"role\":\"RESELLER\"");

        String id = host.apiTokens().activeOf(reseller.id()).get(0).id();
        Customer other = account(Access.RESELLER);
        Browser stranger = signedIn(other);
        HttpResponse<String> foreign = stranger.form("/account/api-tokens/revoke", Map.of("_csrf",
                Browser.csrfToken(stranger.page("/account/api-tokens")), "id", id));
        assertThat(foreign.statusCode()).as("another reseller cannot revoke it").isEqualTo(404);
        assertThat(new Browser(host.port()).json("GET", "/api/v1/customers/me", null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);

        HttpResponse<String> revoked = browser.form("/account/api-tokens/revoke", Map.of("_csrf", csrf, "id", id));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(new Browser(host.port()).json("GET", "/api/v1/customers/me", null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(401);
        assertThat(host.apiTokens().activeOf(reseller.id())).isEmpty();
    }

    @DbTest
    void atMostTenTokensWorkAtOnceAndCustomersHaveNone(Database database) throws Exception {
        Customer reseller = account(Access.RESELLER);
        Browser browser = signedIn(reseller);
        String csrf = Browser.csrfToken(browser.page("/account/api-tokens"));
        for (int i = 0; i < ApiTokenPages.MAX_ACTIVE; i++) {
            assertThat(browser.form("/account/api-tokens", Map.of("_csrf", csrf, "label", "token " + i)).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> eleventh = browser.form("/account/api-tokens", Map.of("_csrf", csrf, "label", "one more"));
        assertThat(eleventh.statusCode()).isEqualTo(422);
        assertThat(eleventh.body()).contains("You have 10 working tokens already.");
        assertThat(host.apiTokens().activeOf(reseller.id())).hasSize(ApiTokenPages.MAX_ACTIVE);

        Browser customer = signedIn(account(Access.CUSTOMER));
        assertThat(customer.page("/account/api-tokens").statusCode()).isEqualTo(403);
    }

    private Customer account(Access role) {
        String id = "token-" + UUID.randomUUID().toString().substring(0, 8);
        return host.customers().create(id, new SignUp(id + "@example.com", PASSWORD, "Jonas Holm",
                role == Access.RESELLER ? "Holm Hosting ApS" : null, "DK", "en", "DKK"), role);
    }

    private Browser signedIn(Customer customer) throws Exception {
        Browser browser = new Browser(host.port());
        String csrf = Browser.csrfToken(browser.page("/account/signin"));
        HttpResponse<String> signedIn = browser.form("/account/signin", Map.of("_csrf", csrf, "email", customer.email(),
                "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        return browser;
    }
}
