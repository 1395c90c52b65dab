package org.kontor.host.security.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.customers.PasswordResets;
import org.kontor.host.customers.SignUp;
import org.kontor.host.security.LoginThrottle;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The staff's TOTP second factor over HTTP: enrolment in {@code /admin/security}, the second sign-in step with codes
 * computed from the enrolled secret on the test clock, single use of codes and recovery codes, the per-account
 * throttle, and customers signing in as before.
 */
@DatabaseTest(migrateHost = true)
class StaffSecondFactorTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "a long enough password";
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<li><code>([A-Z2-7-]+)</code></li>");

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
    private final Totp totp = Totp.standard();
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
    void staffEnrolAndThenSignInWithACodeThatWorksOnce(Database database) throws Exception {
        String staffId = account("staff", true);
        Browser staff = signIn(staffId);
        assertThat(staff.page("/admin/security").body()).contains("id=\"totp-off\"").contains("id=\"nav-security\"");

        assertThat(staff.form("/admin/security/enrol", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
        int rows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM staff_totp")
                .mapTo(Integer.class).one());
        assertThat(rows).isZero();

        Enrolled enrolled = enrol(staff, staffId);
        assertThat(enrolled.recoveryCodes()).hasSize(RecoveryCodes.COUNT).doesNotHaveDuplicates();
        String stored = database.jdbi().withHandle(h -> h.createQuery("SELECT secret FROM staff_totp WHERE customer_id = :id")
                .bind("id", staffId).mapTo(String.class).one());
        assertThat(stored).as("sealed with the master key").startsWith("v1:").doesNotContain(Base32.encode(enrolled.secret()));
        assertThat(staff.page("/admin/security").body()).contains("id=\"totp-enabled\"").doesNotContain("totp-secret");

        // The password alone no longer signs in.
        clock.advance(Duration.ofSeconds(30));
        Browser second = new Browser(host.port());
        HttpResponse<String> password = passwordStep(second, staffId);
        assertThat(password.headers().firstValue("Location")).contains("/account/signin/second-factor");
        assertThat(second.page("/admin").statusCode()).as("not signed in yet").isEqualTo(303);
        HttpResponse<String> form = second.page("/account/signin/second-factor");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"code\"");
        String token = Browser.csrfToken(form);

        assertThat(second.form("/account/signin/second-factor", Map.of("code", code(enrolled))).statusCode())
                .as("no CSRF token").isEqualTo(403);
        HttpResponse<String> wrong = second.form("/account/signin/second-factor", Map.of("_csrf", token, "code", "000000"
                .equals(code(enrolled)) ? "111111" : "000000"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"second-factor-error\"").contains("The code is wrong or was used already.");
        assertThat(second.page("/admin").statusCode()).isEqualTo(303);

        HttpResponse<String> right = second.form("/account/signin/second-factor", Map.of("_csrf", token, "code", code(enrolled)));
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).contains("/account");
        assertThat(second.page("/admin").statusCode()).isEqualTo(200);

        // The same code again, from another browser within the same time step: refused.
        Browser third = new Browser(host.port());
        passwordStep(third, staffId);
        String thirdToken = Browser.csrfToken(third.page("/account/signin/second-factor"));
        HttpResponse<String> replay = third.form("/account/signin/second-factor", Map.of("_csrf", thirdToken, "code", code(enrolled)));
        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(third.page("/admin").statusCode()).isEqualTo(303);

        // A recovery code signs in once.
        String recovery = enrolled.recoveryCodes().get(3).toLowerCase(java.util.Locale.ROOT);
        HttpResponse<String> recovered = third.form("/account/signin/second-factor", Map.of("_csrf", thirdToken, "code", recovery));
        assertThat(recovered.statusCode()).isEqualTo(303);
        assertThat(third.page("/admin").statusCode()).isEqualTo(200);
        Browser fourth = new Browser(host.port());
        passwordStep(fourth, staffId);
        String fourthToken = Browser.csrfToken(fourth.page("/account/signin/second-factor"));
        assertThat(fourth.form("/account/signin/second-factor", Map.of("_csrf", fourthToken, "code", recovery)).statusCode())
                .isEqualTo(422);
        assertThat(fourth.page("/admin").statusCode()).isEqualTo(303);
        assertThat(third.page("/admin/security").body()).contains("Recovery codes left: 9.");
    }

    @DbTest
    void fiveWrongCodesPauseTheSecondStepEvenForTheRightCode(Database database) throws Exception {
        String staffId = account("staff", true);
        Enrolled enrolled = enrol(signIn(staffId), staffId);
        clock.advance(Duration.ofSeconds(30));

        Browser browser = new Browser(host.port());
        passwordStep(browser, staffId);
        String token = Browser.csrfToken(browser.page("/account/signin/second-factor"));
        String wrongCode = code(enrolled).equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 5; i++) {
            assertThat(browser.form("/account/signin/second-factor", Map.of("_csrf", token, "code", wrongCode)).statusCode())
                    .as("attempt " + (i + 1)).isEqualTo(422);
        }
        HttpResponse<String> locked = browser.form("/account/signin/second-factor", Map.of("_csrf", token, "code", code(enrolled)));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many wrong codes.");
        assertThat(browser.page("/admin").statusCode()).isEqualTo(303);

        // A new password sign-in does not reset the count.
        Browser again = new Browser(host.port());
        passwordStep(again, staffId);
        String againToken = Browser.csrfToken(again.page("/account/signin/second-factor"));
        assertThat(again.form("/account/signin/second-factor", Map.of("_csrf", againToken, "code", code(enrolled))).statusCode())
                .isEqualTo(429);

        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> later = again.form("/account/signin/second-factor", Map.of("_csrf", againToken, "code", code(enrolled)));
        assertThat(later.statusCode()).as("the challenge ran out meanwhile: back to the password").isEqualTo(410);
        assertThat(later.body()).contains("id=\"second-factor-expired\"");
        assertThat(again.page("/admin").statusCode()).isEqualTo(303);
        passwordStep(again, staffId);
        againToken = Browser.csrfToken(again.page("/account/signin/second-factor"));
        assertThat(again.form("/account/signin/second-factor", Map.of("_csrf", againToken, "code", code(enrolled))).statusCode())
                .isEqualTo(303);
        assertThat(again.page("/admin").statusCode()).isEqualTo(200);
    }

    @DbTest
    void customersAndStaffWithoutTheFactorSignInAsBeforeAndTheFactorCanBeSwitchedOff(Database database) throws Exception {
        String customerId = account("kunde", false);
        Browser customer = new Browser(host.port());
        HttpResponse<String> signedIn = passwordStep(customer, customerId);
        assertThat(signedIn.headers().firstValue("Location")).contains("/account");
        assertThat(customer.page("/account").statusCode()).isEqualTo(200);
        HttpResponse<String> nothingToAsk = customer.page("/account/signin/second-factor");
        assertThat(nothingToAsk.body()).as("nothing to ask a signed-in customer for").contains("id=\"second-factor-expired\"")
                .doesNotContain("name=\"code\"");
        assertThat(customer.page("/admin/security").statusCode()).isEqualTo(403);

        String plainStaff = account("staff", false);
        host.staffMembers().grant(plainStaff);
        Browser plain = new Browser(host.port());
        assertThat(passwordStep(plain, plainStaff).headers().firstValue("Location")).contains("/account");
        assertThat(plain.page("/admin").statusCode()).isEqualTo(200);

        String staffId = account("staff", true);
        Browser staff = signIn(staffId);
        Enrolled enrolled = enrol(staff, staffId);

        Browser api = new Browser(host.port());
        HttpResponse<String> apiSignIn = api.json("POST", "/api/v1/session",
                "{\"email\":\"" + staffId + "@example.dk\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(apiSignIn.statusCode()).isEqualTo(403);
        assertThat(apiSignIn.body()).contains("second-factor-required");
        assertThat(api.page("/admin").statusCode()).isEqualTo(303);

        String adminToken = host.apiTokens().issue("operator-script", Access.ADMIN, "test");
        HttpResponse<String> byToken = api.json("POST", "/admin/security/enrol", null, "Authorization", "Bearer " + adminToken);
        assertThat(byToken.statusCode()).as("an API token is no account with an authenticator").isEqualTo(404);

        clock.advance(Duration.ofSeconds(30));
        String token = Browser.csrfToken(staff.page("/admin/security"));
        HttpResponse<String> wrongOff = staff.form("/admin/security/disable", Map.of("_csrf", token, "code", "12345"));
        assertThat(wrongOff.statusCode()).isEqualTo(422);
        assertThat(wrongOff.body()).contains("id=\"security-error\"");
        assertThat(staff.form("/admin/security/disable", Map.of("code", code(enrolled))).statusCode()).isEqualTo(403);
        HttpResponse<String> off = staff.form("/admin/security/disable", Map.of("_csrf", token, "code", code(enrolled)));
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(staff.page("/admin/security").body()).contains("id=\"totp-off\"");
        int codesLeft = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM staff_recovery_code WHERE customer_id = :id").bind("id", staffId).mapTo(Integer.class).one());
        assertThat(codesLeft).isZero();

        Browser afterwards = new Browser(host.port());
        assertThat(passwordStep(afterwards, staffId).headers().firstValue("Location")).contains("/account");
        assertThat(afterwards.page("/admin").statusCode()).isEqualTo(200);
    }

    @DbTest
    void aNewPasswordFromAResetLinkStillAsksForTheCode(Database database) throws Exception {
        String staffId = account("staff", true);
        Enrolled enrolled = enrol(signIn(staffId), staffId);
        clock.advance(Duration.ofSeconds(30));
        String resetToken = new PasswordResets(database.jdbi(), clock, new SecureRandom(), host.customers(),
                LoginThrottle.standard(database.jdbi(), clock)).request(staffId + "@example.dk").orElseThrow().token();

        Browser browser = new Browser(host.port());
        String csrf = Browser.csrfToken(browser.page("/account/password/forgot"));
        HttpResponse<String> reset = browser.form("/account/password/reset", Map.of("_csrf", csrf, "token", resetToken,
                "password", "a new long password", "password2", "a new long password"));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(303);
        assertThat(reset.headers().firstValue("Location")).contains("/account/signin/second-factor");
        assertThat(browser.page("/admin").statusCode()).isEqualTo(303);

        String token = Browser.csrfToken(browser.page("/account/signin/second-factor"));
        assertThat(browser.form("/account/signin/second-factor", Map.of("_csrf", token, "code", code(enrolled))).statusCode())
                .isEqualTo(303);
        assertThat(browser.page("/admin").statusCode()).isEqualTo(200);
    }

    private record Enrolled(byte[] secret, List<String> recoveryCodes) {
    }

    /** Enrols the signed-in staff member: a wrong first code is refused, the right one shows the recovery codes. */
    private Enrolled enrol(Browser staff, String staffId) throws Exception {
        String token = Browser.csrfToken(staff.page("/admin/security"));
        assertThat(staff.form("/admin/security/enrol", Map.of("_csrf", token)).statusCode()).isEqualTo(303);
        HttpResponse<String> page = staff.page("/admin/security");
        assertThat(page.body()).contains("src=\"data:image/svg+xml;base64,").contains("id=\"totp-confirm\"");
        Matcher matcher = SECRET.matcher(page.body());
        assertThat(matcher.find()).as(page.body()).isTrue();
        byte[] secret = Base32.decode(matcher.group(1));
        assertThat(host.staffMembers().isStaff(staffId)).isTrue();

        String right = totp.code(secret, totp.stepAt(clock.instant()));
        String wrong = right.equals("000000") ? "111111" : "000000";
        HttpResponse<String> refused = staff.form("/admin/security/confirm", Map.of("_csrf", token, "code", wrong));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"security-error\"").contains("id=\"totp-confirm\"");

        HttpResponse<String> confirmed = staff.form("/admin/security/confirm", Map.of("_csrf", token, "code", right));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("id=\"totp-confirmed\"");
        List<String> codes = new ArrayList<>();
        Matcher recovery = RECOVERY.matcher(confirmed.body());
        while (recovery.find()) {
            codes.add(recovery.group(1));
        }
        return new Enrolled(secret, codes);
    }

    private String code(Enrolled enrolled) {
        return totp.code(enrolled.secret(), totp.stepAt(clock.instant()));
    }

    private HttpResponse<String> passwordStep(Browser browser, String customerId) throws Exception {
        String token = Browser.csrfToken(browser.page("/account/signin"));
        HttpResponse<String> response = browser.form("/account/signin", Map.of("_csrf", token,
                "email", customerId + "@example.dk", "password", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return response;
    }

    private Browser signIn(String customerId) throws Exception {
        Browser browser = new Browser(host.port());
        assertThat(passwordStep(browser, customerId).headers().firstValue("Location")).contains("/account");
        return browser;
    }

    private String account(String name, boolean staff) {
        String id = name + "-" + SEQUENCE.incrementAndGet();
        host.customers().create(id, new SignUp(id + "@example.dk", PASSWORD, "Navn " + name, null, "DK", "en", "DKK"),
                Access.CUSTOMER);
        if (staff) {
            host.staffMembers().grant(id);
        }
        return id;
    }
}
