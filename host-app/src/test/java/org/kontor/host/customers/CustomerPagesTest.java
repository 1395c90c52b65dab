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

/** The account pages over HTTP: they render in the visitor's language, refuse input at its field, and sign in. */
@DatabaseTest(migrateHost = true)
class CustomerPagesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
    private KontorHost host;
    private Browser browser;

    @BeforeEach
    void start(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
        browser = new Browser(host.port());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void theSignUpPageHasALabelledFieldForEveryInputAndACsrfToken(Database database) throws Exception {
        HttpResponse<String> page = browser.page("/account/signup");

        assertThat(page.statusCode()).isEqualTo(200);
        for (String field : new String[] {"email", "password", "name", "company", "country", "language", "currency"}) {
            assertThat(page.body()).contains("<label for=\"" + field + "\"").contains("id=\"" + field + "\"");
        }
        assertThat(Browser.csrfToken(page)).isNotBlank();
    }

    @DbTest
    void refusedSignUpInputIsShownAtItsFieldInTheVisitorsLanguageAndNoAccountIsMade(Database database) throws Exception {
        String token = Browser.csrfToken(browser.page("/account/signup?lang=da"));
        Map<String, String> form = signUpForm(token, "ikke-en-adresse", "kort");

        HttpResponse<String> answer = browser.form("/account/signup", form);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("id=\"email-error\"").contains("id=\"password-error\"")
                .contains("aria-invalid=\"true\"").contains("value=\"ikke-en-adresse\"")
                .doesNotContain("value=\"kort\"");
        assertThat(answer.body()).contains("lang=\"da\"");
        assertThat(browser.page("/account").statusCode()).isNotEqualTo(200);
    }

    @DbTest
    void aSignUpSignsInAndTheAccountPageThenAnswers(Database database) throws Exception {
        String email = "side" + SEQUENCE.incrementAndGet() + "@example.dk";
        String token = Browser.csrfToken(browser.page("/account/signup"));

        HttpResponse<String> answer = browser.form("/account/signup", signUpForm(token, email, "en god lang adgangskode"));

        assertThat(answer.statusCode()).isEqualTo(303);
        HttpResponse<String> account = browser.page("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(email);
    }

    @DbTest
    void aWrongPasswordIsRefusedWithOneMessageThatDoesNotSayWhichPartWasWrong(Database database) throws Exception {
        String email = "side" + SEQUENCE.incrementAndGet() + "@example.dk";
        browser.form("/account/signup", signUpForm(Browser.csrfToken(browser.page("/account/signup")), email,
                "en god lang adgangskode"));
        Browser stranger = new Browser(host.port());
        String token = Browser.csrfToken(stranger.page("/account/signin"));

        HttpResponse<String> wrong = stranger.form("/account/signin",
                Map.of("_csrf", token, "email", email, "password", "forkert adgangskode"));
        HttpResponse<String> unknown = stranger.form("/account/signin",
                Map.of("_csrf", token, "email", "ingen@example.dk", "password", "forkert adgangskode"));

        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("The e-mail address or the password is wrong.");
        assertThat(unknown.body()).contains("The e-mail address or the password is wrong.");
        assertThat(stranger.page("/account").statusCode()).isNotEqualTo(200);
    }

    @DbTest
    void aVisitorsSessionIsReadFromMemoryForSecondsButASignedInOneAlwaysFromTheDatabase(Database database)
            throws Exception {
        String visitorToken = sessionField("csrfToken");
        database.jdbi().useHandle(h -> h.execute("DELETE FROM web_session"));

        assertThat(sessionField("csrfToken")).as("a visitor's session is remembered for a few seconds")
                .isEqualTo(visitorToken);
        clock.advance(java.time.Duration.ofSeconds(6));
        assertThat(sessionField("csrfToken")).as("then read again, and it is gone").isNotEqualTo(visitorToken);

        String email = "side" + SEQUENCE.incrementAndGet() + "@example.dk";
        browser.form("/account/signup", signUpForm(Browser.csrfToken(browser.page("/account/signup")), email,
                "en god lang adgangskode"));
        assertThat(sessionField("state")).isEqualTo("signed-in");
        database.jdbi().useHandle(h -> h.execute("DELETE FROM web_session"));
        assertThat(sessionField("state")).as("a signed-in session ends at once").isEqualTo("visitor");
    }

    private String sessionField(String field) throws Exception {
        HttpResponse<String> answer = browser.get("/api/v1/session");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).get(field).asText();
    }

    private static Map<String, String> signUpForm(String token, String email, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        form.put("email", email);
        form.put("password", password);
        form.put("name", "Karen Kunde");
        form.put("company", "");
        form.put("country", "DK");
        form.put("language", "da");
        form.put("currency", "DKK");
        return form;
    }
}
