package org.kontor.host.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
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

/** Over HTTP: password guessing is throttled, and a sign-in form without its CSRF token is refused. */
@DatabaseTest(migrateHost = true)
class SignInSecurityTest {

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
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhile(Database database) throws Exception {
        String email = signedUp();
        Browser attacker = new Browser(host.port());
        String token = Browser.csrfToken(attacker.page("/account/signin"));
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.form("/account/signin", Map.of("_csrf", token, "email", email, "password", "gæt nummer " + i))
                    .statusCode()).isEqualTo(422);
        }

        Browser owner = new Browser(host.port());
        owner.language = "de";
        HttpResponse<String> locked = owner.form("/account/signin",
                Map.of("_csrf", Browser.csrfToken(owner.page("/account/signin")), "email", email, "password", PASSWORD));

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
        assertThat(owner.page("/account").statusCode()).isNotEqualTo(200);
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> later = owner.form("/account/signin",
                Map.of("_csrf", Browser.csrfToken(owner.page("/account/signin")), "email", email, "password", PASSWORD));
        assertThat(later.statusCode()).isEqualTo(303);
    }

    @DbTest
    void aSignInWithoutTheCsrfTokenIsRefused(Database database) throws Exception {
        String email = signedUp();
        Browser browser = new Browser(host.port());
        String token = Browser.csrfToken(browser.page("/account/signin"));

        HttpResponse<String> missing = browser.form("/account/signin", Map.of("email", email, "password", PASSWORD));
        HttpResponse<String> wrong = browser.form("/account/signin",
                Map.of("_csrf", token + "x", "email", email, "password", PASSWORD));
        HttpResponse<String> noSession = new Browser(host.port()).form("/account/signin",
                Map.of("_csrf", token, "email", email, "password", PASSWORD));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(noSession.statusCode()).isEqualTo(403);
        assertThat(browser.page("/account").statusCode()).isNotEqualTo(200);
        assertThat(browser.form("/account/signin", Map.of("_csrf", token, "email", email, "password", PASSWORD))
                .statusCode()).as("with it, the same sign-in works").isEqualTo(303);
    }

    private String signedUp() throws Exception {
        String email = "vagt" + SEQUENCE.incrementAndGet() + "@example.dk";
        Browser browser = new Browser(host.port());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", Browser.csrfToken(browser.page("/account/signup")));
        form.put("email", email);
        form.put("password", PASSWORD);
        form.put("name", "Karen Kunde");
        form.put("country", "DK");
        form.put("language", "da");
        assertThat(browser.form("/account/signup", form).statusCode()).isEqualTo(303);
        return email;
    }
}
