package org.kontor.host.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** The customer's master data and password at {@code /account/details} (CC-5). */
@DatabaseTest(migrateHost = true)
class AccountDetailsPagesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "en god lang adgangskode";

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
    void aCustomerChangesTheirDetailsAndRefusedInputChangesNothing(Database database) throws Exception {
        String email = "stamdata" + SEQUENCE.incrementAndGet() + "@example.dk";
        Browser browser = signedUp(email);
        HttpResponse<String> page = browser.page("/account/details");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"Karen Kunde\"").contains(email);

        HttpResponse<String> refused = browser.form("/account/details", details(Browser.csrfToken(page), "", "Kunde ApS",
                "XX", "da"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"name-error\"").contains("id=\"country-error\"")
                .contains("Choose a country from the list.").contains("value=\"Kunde ApS\"");
        assertThat(host.customers().findByEmail(email).orElseThrow().name()).isEqualTo("Karen Kunde");

        HttpResponse<String> saved = browser.form("/account/details", details(Browser.csrfToken(page), "Karen Holm",
                "Holm Hosting ApS", "SE", "de"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/account/details?saved=details");
        Customer changed = host.customers().findByEmail(email).orElseThrow();
        assertThat(changed.name()).isEqualTo("Karen Holm");
        assertThat(changed.company()).isEqualTo("Holm Hosting ApS");
        assertThat(changed.country()).isEqualTo("SE");
        assertThat(changed.language()).isEqualTo("de");
        assertThat(changed.email()).as("the address stays").isEqualTo(email);
        assertThat(browser.page("/account/details?saved=details").body()).contains("id=\"details-saved\"");

        HttpResponse<String> withoutToken = browser.form("/account/details", details("", "Someone Else", "", "DK", "en"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(host.customers().findByEmail(email).orElseThrow().name()).isEqualTo("Karen Holm");
    }

    @DbTest
    void aNewPasswordNeedsTheCurrentOneAndEndsTheOtherSessions(Database database) throws Exception {
        String email = "kodeord" + SEQUENCE.incrementAndGet() + "@example.dk";
        Browser browser = signedUp(email);
        Browser elsewhere = new Browser(host.port());
        assertThat(signIn(elsewhere, email, PASSWORD).statusCode()).isEqualTo(303);
        String token = Browser.csrfToken(browser.page("/account/details"));

        HttpResponse<String> wrong = browser.form("/account/password", password(token, "not the password",
                "a new long passphrase", "a new long passphrase"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"current-error\"").contains("This is not your current password.");
        HttpResponse<String> mismatch = browser.form("/account/password", password(token, PASSWORD,
                "a new long passphrase", "another long passphrase"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("id=\"password2-error\"");
        assertThat(signIn(new Browser(host.port()), email, PASSWORD).statusCode()).as("nothing changed yet")
                .isEqualTo(303);

        HttpResponse<String> changed = browser.form("/account/password", password(token, PASSWORD,
                "a new long passphrase", "a new long passphrase"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).hasValue("/account/details?saved=password");
        assertThat(browser.page("/account/details").statusCode()).as("this browser stays signed in").isEqualTo(200);
        assertThat(elsewhere.page("/account").statusCode()).as("the other session ended").isEqualTo(303);
        assertThat(signIn(new Browser(host.port()), email, PASSWORD).statusCode()).isEqualTo(422);
        assertThat(signIn(new Browser(host.port()), email, "a new long passphrase").statusCode()).isEqualTo(303);
    }

    @DbTest
    void visitorsAreSentToSignIn(Database database) throws Exception {
        HttpResponse<String> page = new Browser(host.port()).page("/account/details");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).startsWith("/account/signin");
    }

    private Browser signedUp(String email) throws Exception {
        Browser browser = new Browser(host.port());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", Browser.csrfToken(browser.page("/account/signup")));
        form.put("email", email);
        form.put("password", PASSWORD);
        form.put("name", "Karen Kunde");
        form.put("country", "DK");
        form.put("language", "en");
        HttpResponse<String> answer = browser.form("/account/signup", form);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return browser;
    }

    private static HttpResponse<String> signIn(Browser browser, String email, String password) throws Exception {
        String token = Browser.csrfToken(browser.page("/account/signin"));
        return browser.form("/account/signin", Map.of("_csrf", token, "email", email, "password", password));
    }

    private static Map<String, String> details(String token, String name, String company, String country,
                                               String language) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        form.put("name", name);
        form.put("company", company);
        form.put("country", country);
        form.put("language", language);
        return form;
    }

    private static Map<String, String> password(String token, String current, String password, String repeated) {
        return Map.of("_csrf", token, "current", current, "password", password, "password2", repeated);
    }
}
