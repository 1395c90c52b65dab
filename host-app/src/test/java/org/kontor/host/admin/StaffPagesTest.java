package org.kontor.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.mail.MailTestServer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The staff page: an ADMIN adds staff members (a new account chooses its password from a mailed link, then signs in
 * on the web and works read-only as SUPPORT), and resets another staff member's second factor but not their own;
 * support staff read the page and change nothing. Every POST lands in the staff audit.
 */
@DatabaseTest(migrateHost = true)
class StaffPagesTest {

    private static final Pattern LINK = Pattern.compile("http://\\S+(/account/password/reset\\?token=[A-Za-z0-9_%-]+)");
    private static final String CHOSEN = "a password chosen from the mail";

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
    private MailTestServer smtp;
    private KontorHost host;
    private StaffAccounts accounts;

    @BeforeEach
    void start(Database database) throws Exception {
        smtp = new MailTestServer().start();
        host = CustomerHost.start(database, clock, Map.of("KONTOR_MAIL_SMTP_HOST", MailTestServer.HOST,
                "KONTOR_MAIL_SMTP_PORT", Integer.toString(smtp.port())));
        accounts = new StaffAccounts(host);
    }

    @AfterEach
    void stop() {
        host.close();
        smtp.close();
    }

    @DbTest
    void anAddedSupportMemberChoosesAPasswordFromTheMailAndWorksReadOnly(Database database) throws Exception {
        String adminId = accounts.account("admin", Access.ADMIN);
        Browser admin = accounts.signedIn(adminId);
        HttpResponse<String> page = admin.page("/admin/staff");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"staff-" + adminId + "\"").contains(adminId + "@example.dk")
                .contains("Administrator");
        String email = "support-" + System.nanoTime() + "@example.dk";

        HttpResponse<String> added = admin.form("/admin/staff", Map.of("_csrf", Browser.csrfToken(page),
                "email", email, "name", "Sara Support", "country", "DK", "language", "da", "role", "SUPPORT"));

        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location").orElseThrow()).startsWith("/admin/staff?done=invited");
        String supportId = host.customers().findByEmail(email).orElseThrow().id();
        assertThat(host.staffMembers().staffRole(supportId)).contains(Access.SUPPORT);
        assertThat(admin.page("/admin/staff").body()).contains("id=\"staff-" + supportId + "\"")
                .contains("Support (read only)");
        assertThat(accounts.audit(adminId)).containsExactly("POST /admin/staff 303 ADMIN");

        assertThat(smtp.greenMail().waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.greenMail().getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(mail.getSubject()).as("in the new account's language").isEqualTo("Din medarbejderkonto: vælg en adgangskode");
        Matcher link = LINK.matcher((String) mail.getContent());
        assertThat(link.find()).isTrue();
        Browser newcomer = new Browser(host.port());
        HttpResponse<String> form = newcomer.page(link.group(1));
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        assertThat(newcomer.form("/account/password/reset", Map.of("_csrf", Browser.csrfToken(form),
                "token", token.group(1), "password", CHOSEN, "password2", CHOSEN)).statusCode()).isEqualTo(303);

        Browser support = new Browser(host.port());
        String signInToken = Browser.csrfToken(support.page("/account/signin"));
        HttpResponse<String> signedIn = support.form("/account/signin", Map.of("_csrf", signInToken, "email", email,
                "password", CHOSEN));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String landing = signedIn.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> home = support.page(landing);
        if (home.statusCode() == 303) {
            landing = home.headers().firstValue("Location").orElseThrow();
        }
        assertThat(landing).as("a support staff member lands in the admin").isEqualTo("/admin");
        for (String path : new String[] {"/admin", "/admin/staff", "/admin/clearing", "/admin/customising", "/admin/dunning"}) {
            assertThat(support.page(path).statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> staffPage = support.page("/admin/staff");
        HttpResponse<String> refused = support.form("/admin/staff", Map.of("_csrf", Browser.csrfToken(staffPage),
                "email", "another-" + System.nanoTime() + "@example.dk", "name", "X", "country", "DK",
                "language", "en", "role", "ADMIN"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(host.staffMembers().list()).hasSize(countStaff(database));
        assertThat(accounts.audit(supportId)).containsExactly("POST /admin/staff 403 SUPPORT");
    }

    @DbTest
    void anExistingAccountGetsTheRoleAndInvalidInputIsAFormError(Database database) throws Exception {
        String adminId = accounts.account("admin", Access.ADMIN);
        String customerId = accounts.account("kunde", null);
        Browser admin = accounts.signedIn(adminId);
        String token = Browser.csrfToken(admin.page("/admin/staff"));
        int before = countStaff(database);

        HttpResponse<String> badEmail = admin.form("/admin/staff", Map.of("_csrf", token, "email", "not an address",
                "name", "X", "country", "DK", "language", "en", "role", "SUPPORT"));
        assertThat(badEmail.statusCode()).isEqualTo(422);
        assertThat(badEmail.body()).contains("id=\"email-error\"").contains("value=\"not an address\"");
        HttpResponse<String> badRole = admin.form("/admin/staff", Map.of("_csrf", token, "email", customerId + "@example.dk",
                "role", "CUSTOMER"));
        assertThat(badRole.statusCode()).isEqualTo(422);
        assertThat(badRole.body()).contains("id=\"role-error\"");
        assertThat(countStaff(database)).isEqualTo(before);
        assertThat(host.staffMembers().isStaff(customerId)).isFalse();

        HttpResponse<String> granted = admin.form("/admin/staff", Map.of("_csrf", token,
                "email", customerId.toUpperCase(java.util.Locale.ROOT) + "@EXAMPLE.DK", "role", "ADMIN"));
        assertThat(granted.headers().firstValue("Location").orElseThrow()).startsWith("/admin/staff?done=granted");
        assertThat(host.staffMembers().staffRole(customerId)).contains(Access.ADMIN);
        assertThat(host.customers().findByEmail(customerId + "@example.dk").orElseThrow().id()).isEqualTo(customerId);
        assertThat(smtp.greenMail().getReceivedMessages()).as("an existing account has its password").isEmpty();
    }

    @DbTest
    void anAdminResetsAnotherStaffMembersSecondFactorButNotTheirOwn(Database database) throws Exception {
        String adminId = accounts.account("admin", Access.ADMIN);
        String colleagueId = accounts.account("kollega", Access.SUPPORT);
        Browser admin = accounts.signedIn(adminId);
        secondFactor(database, adminId);
        secondFactor(database, colleagueId);
        HttpResponse<String> page = admin.page("/admin/staff");
        assertThat(page.body()).contains("/admin/staff/" + colleagueId + "/second-factor/reset")
                .doesNotContain("/admin/staff/" + adminId + "/second-factor/reset");
        String token = Browser.csrfToken(page);

        HttpResponse<String> own = admin.form("/admin/staff/" + adminId + "/second-factor/reset", Map.of("_csrf", token));
        assertThat(own.headers().firstValue("Location").orElseThrow()).endsWith("error=own-second-factor");
        assertThat(hasSecondFactor(database, adminId)).isTrue();

        HttpResponse<String> reset = admin.form("/admin/staff/" + colleagueId + "/second-factor/reset", Map.of("_csrf", token));
        assertThat(reset.headers().firstValue("Location").orElseThrow()).endsWith("done=second-factor-reset");
        assertThat(hasSecondFactor(database, colleagueId)).isFalse();
        assertThat(recoveryCodes(database, colleagueId)).isZero();
        assertThat(admin.page(reset.headers().firstValue("Location").orElseThrow()).body()).contains("id=\"staff-done\"");

        HttpResponse<String> again = admin.form("/admin/staff/" + colleagueId + "/second-factor/reset", Map.of("_csrf", token));
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("error=no-second-factor");
        String customerId = accounts.account("kunde", null);
        assertThat(admin.form("/admin/staff/" + customerId + "/second-factor/reset", Map.of("_csrf", token)).statusCode())
                .as("not a staff member").isEqualTo(404);
        assertThat(accounts.audit(adminId)).hasSize(4).allMatch(row -> row.contains("/second-factor/reset"));
    }

    @DbTest
    void supportStaffSetUpTheirOwnSecondFactor(Database database) throws Exception {
        String supportId = accounts.account("support", Access.SUPPORT);
        Browser support = accounts.signedIn(supportId);
        HttpResponse<String> page = support.page("/admin/security");
        assertThat(page.statusCode()).isEqualTo(200);

        HttpResponse<String> enrol = support.form("/admin/security/enrol", Map.of("_csrf", Browser.csrfToken(page)));

        assertThat(enrol.statusCode()).as("their own account, not a setting").isNotEqualTo(403);
        int rows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM staff_totp WHERE customer_id = :id")
                .bind("id", supportId).mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
        assertThat(accounts.audit(supportId)).singleElement().asString().startsWith("POST /admin/security/enrol ")
                .endsWith(" SUPPORT");
    }

    private static void secondFactor(Database database, String customerId) {
        database.jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO staff_totp (customer_id, secret, created_at, confirmed_at) VALUES (:id, 'v1:x', 0, 0)")
                    .bind("id", customerId).execute();
            h.createUpdate("INSERT INTO staff_recovery_code (customer_id, code_hash) VALUES (:id, 'h1')")
                    .bind("id", customerId).execute();
        });
    }

    private static boolean hasSecondFactor(Database database, String customerId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM staff_totp WHERE customer_id = :id")
                .bind("id", customerId).mapTo(Integer.class).one()) > 0;
    }

    private static int recoveryCodes(Database database, String customerId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM staff_recovery_code WHERE customer_id = :id")
                .bind("id", customerId).mapTo(Integer.class).one());
    }

    private static int countStaff(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM staff_member").mapTo(Integer.class).one());
    }
}
