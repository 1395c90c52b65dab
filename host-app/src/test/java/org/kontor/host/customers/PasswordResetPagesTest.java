package org.kontor.host.customers;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.mail.MailTestServer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/** The forgotten-password flow over HTTP, with the link read from the mail a real SMTP server received. */
@DatabaseTest(migrateHost = true)
class PasswordResetPagesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern LINK = Pattern.compile("(http://\\S+/account/password/reset\\?token=[A-Za-z0-9_%-]+)");
    private static final String OLD_PASSWORD = "en god lang adgangskode";
    private static final String NEW_PASSWORD = "et helt nyt og langt kodeord";

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
    private MailTestServer smtp;
    private KontorHost host;

    @BeforeEach
    void start(Database database) throws Exception {
        smtp = new MailTestServer().start();
        host = CustomerHost.start(database, clock, Map.of("KONTOR_MAIL_SMTP_HOST", MailTestServer.HOST,
                "KONTOR_MAIL_SMTP_PORT", Integer.toString(smtp.port())));
    }

    @AfterEach
    void stop() {
        host.close();
        smtp.close();
    }

    @DbTest
    void theLinkFromTheMailSetsANewPasswordOnceAndEndsTheAccountsOtherSessions(Database database) throws Exception {
        String email = newAccountEmail();
        Browser owner = signedUp(email);
        Browser stranger = new Browser(host.port());

        HttpResponse<String> asked = askForLink(stranger, email);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"forgot-sent\"");
        MimeMessage mail = awaitMails(1)[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(mail.getSubject()).as("in the account's language").isEqualTo("Vælg en ny adgangskode");
        String link = link(mail);
        String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();
        java.util.List<String> digests = database.jdbi().withHandle(h -> h.createQuery("""
                SELECT r.token_digest FROM password_reset r JOIN customer c ON c.id = r.customer_id WHERE c.email = :email""")
                .bind("email", email).mapTo(String.class).list());
        assertThat(digests).as("only the token's digest is stored").hasSize(1)
                .noneMatch(digest -> path.contains(digest));

        Browser reader = new Browser(host.port());
        HttpResponse<String> form = reader.page(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        String token = hidden(form, "token");

        HttpResponse<String> mismatch = reader.form("/account/password/reset",
                resetForm(Browser.csrfToken(form), token, NEW_PASSWORD, NEW_PASSWORD + "x"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("id=\"password2-error\"").contains("The two passwords are not the same.");
        HttpResponse<String> tooShort = reader.form("/account/password/reset",
                resetForm(Browser.csrfToken(form), token, "kort", "kort"));
        assertThat(tooShort.statusCode()).as("the sign-up rule").isEqualTo(422);
        assertThat(tooShort.body()).contains("The password must have at least 10 characters.");

        HttpResponse<String> done = reader.form("/account/password/reset",
                resetForm(Browser.csrfToken(form), token, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/account");
        assertThat(reader.page("/account").statusCode()).as("the reader is signed in").isEqualTo(200);
        assertThat(owner.page("/account").statusCode()).as("the owner's older session ended").isEqualTo(303);

        assertThat(signIn(new Browser(host.port()), email, OLD_PASSWORD).statusCode()).isEqualTo(422);
        assertThat(signIn(new Browser(host.port()), email, NEW_PASSWORD).statusCode()).isEqualTo(303);

        Browser again = new Browser(host.port());
        HttpResponse<String> reused = again.page(path);
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("This link is no longer valid");
        HttpResponse<String> reusedPost = again.form("/account/password/reset",
                resetForm(Browser.csrfToken(again.page("/account/password/forgot")), token, "endnu et nyt kodeord", "endnu et nyt kodeord"));
        assertThat(reusedPost.statusCode()).isEqualTo(410);
        assertThat(signIn(new Browser(host.port()), email, NEW_PASSWORD).statusCode()).isEqualTo(303);
    }

    @DbTest
    void anExpiredLinkIsRefusedWithAMessageInTheVisitorsLanguage(Database database) throws Exception {
        String email = newAccountEmail();
        signedUp(email);
        Browser browser = new Browser(host.port());
        askForLink(browser, email);
        String link = link(awaitMails(1)[0]);
        String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();

        clock.advance(Duration.ofMinutes(61));
        browser.language = "de";
        HttpResponse<String> page = browser.page(path);

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Dieser Link ist nicht mehr gültig").doesNotContain("name=\"password\"");
        String token = URI.create(link).getRawQuery().substring("token=".length());
        HttpResponse<String> post = browser.form("/account/password/reset",
                resetForm(Browser.csrfToken(browser.page("/account/password/forgot")), token, NEW_PASSWORD, NEW_PASSWORD));
        assertThat(post.statusCode()).isEqualTo(410);
        assertThat(signIn(new Browser(host.port()), email, OLD_PASSWORD).statusCode()).isEqualTo(303);
    }

    @DbTest
    void anUnknownAddressGetsTheSameAnswerAndNoMail(Database database) throws Exception {
        String email = newAccountEmail();
        signedUp(email);
        Browser browser = new Browser(host.port());

        HttpResponse<String> unknown = askForLink(browser, "niemand" + SEQUENCE.incrementAndGet() + "@example.dk");
        HttpResponse<String> known = askForLink(browser, email);

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo(known.body());
        MimeMessage[] mails = awaitMails(1);
        Thread.sleep(300);
        assertThat(smtp.greenMail().getReceivedMessages()).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(email);
    }

    @DbTest
    void requestsForOneAddressAreThrottled(Database database) throws Exception {
        String email = newAccountEmail();
        signedUp(email);
        Browser browser = new Browser(host.port());

        for (int i = 0; i < 5; i++) {
            assertThat(askForLink(browser, email).body()).contains("id=\"forgot-sent\"");
        }

        awaitMails(3);
        Thread.sleep(300);
        assertThat(smtp.greenMail().getReceivedMessages()).as("three links, then no more for a while").hasSize(3);
        clock.advance(Duration.ofMinutes(16));
        askForLink(browser, email);
        assertThat(awaitMails(4)).hasSize(4);
    }

    @DbTest
    void theFormWithoutItsCsrfTokenIsRefused(Database database) throws Exception {
        String email = newAccountEmail();
        signedUp(email);
        Browser browser = new Browser(host.port());
        browser.page("/account/password/forgot");

        HttpResponse<String> answer = browser.form("/account/password/forgot", Map.of("email", email));

        assertThat(answer.statusCode()).isEqualTo(403);
        int stored = database.jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM password_reset r JOIN customer c ON c.id = r.customer_id WHERE c.email = :email""")
                .bind("email", email).mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private static String newAccountEmail() {
        return "glemsom" + SEQUENCE.incrementAndGet() + "@example.dk";
    }

    private Browser signedUp(String email) throws Exception {
        Browser browser = new Browser(host.port());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", Browser.csrfToken(browser.page("/account/signup")));
        form.put("email", email);
        form.put("password", OLD_PASSWORD);
        form.put("name", "Karen Kunde");
        form.put("country", "DK");
        form.put("language", "da");
        HttpResponse<String> answer = browser.form("/account/signup", form);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        return browser;
    }

    private static HttpResponse<String> askForLink(Browser browser, String email) throws Exception {
        String token = Browser.csrfToken(browser.page("/account/password/forgot"));
        return browser.form("/account/password/forgot", Map.of("_csrf", token, "email", email));
    }

    private static HttpResponse<String> signIn(Browser browser, String email, String password) throws Exception {
        String token = Browser.csrfToken(browser.page("/account/signin"));
        return browser.form("/account/signin", Map.of("_csrf", token, "email", email, "password", password));
    }

    private MimeMessage[] awaitMails(int count) {
        assertThat(smtp.greenMail().waitForIncomingEmail(10_000, count)).as("%d mails arrive", count).isTrue();
        return smtp.greenMail().getReceivedMessages();
    }

    private static String link(MimeMessage mail) throws Exception {
        Matcher matcher = LINK.matcher((String) mail.getContent());
        assertThat(matcher.find()).as("a reset link in the mail").isTrue();
        return matcher.group(1);
    }

    private static String hidden(HttpResponse<String> page, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(matcher.find()).as("hidden field " + name).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> resetForm(String csrf, String token, String password, String repeated) {
        return Map.of("_csrf", csrf, "token", token, "password", password, "password2", repeated);
    }
}
