package org.kontor.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.customers.SignUp;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The admin pages over HTTP: only staff get in (a visitor is sent to sign in, a customer is refused), every form
 * needs the session's CSRF token, customers are found and noted, and what a customer typed is escaped.
 */
@DatabaseTest(migrateHost = true)
class AdminPagesTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "a long enough password";

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
    void onlyStaffGetIn(Database database) throws Exception {
        Browser visitor = new Browser(host.port());
        HttpResponse<String> anonymous = visitor.page("/admin/clearing");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).isEqualTo("/account/signin?next=%2Fadmin%2Fclearing");

        Browser customer = signedIn(account("kunde", false));
        for (String path : new String[] {"/admin", "/admin/orders", "/admin/clearing", "/admin/plugins", "/admin/customers"}) {
            assertThat(customer.page(path).statusCode()).as(path).isEqualTo(403);
        }

        Browser staff = signedIn(account("staff", true));
        for (String path : new String[] {"/admin", "/admin/orders", "/admin/clearing", "/admin/plugins", "/admin/customers"}) {
            HttpResponse<String> page = staff.page(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).contains("id=\"nav-clearing\"").contains("name=\"_csrf\"");
        }
        assertThat(staff.page("/admin").body()).contains("id=\"prepaid-not-available\"");
        assertThat(staff.page("/admin/orders?state=NO_SUCH_STATE").body()).contains("id=\"orders-none\"");
        HttpResponse<String> home = staff.page("/account");
        assertThat(home.statusCode()).as("a staff member signing in without a page to go to lands in the admin")
                .isEqualTo(303);
        assertThat(home.headers().firstValue("Location")).contains("/admin");
        assertThat(customer.page("/account").statusCode()).isEqualTo(200);
    }

    @DbTest
    void theDashboardDrawsRevenuePerMonthAsAnSvgBarChart(Database database) throws Exception {
        database.jdbi().useHandle(h -> h.execute("DELETE FROM invoice WHERE series = 'DASH'"));
        database.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO invoice (id, series, number, state, language, currency, net_minor, created_at, issued_at)
                        VALUES ('dash-1', 'DASH', '1', 'ISSUED', 'en', 'EUR', 123456, 0, :at)""")
                .bind("at", clock.instant().toEpochMilli()).execute());
        Browser staff = signedIn(account("staff", true));

        String page = staff.page("/admin").body();

        assertThat(page).contains("id=\"revenue-chart-EUR\"").contains("<svg").contains("€1,234.56")
                .contains("<title>Mar 30: €1,234.56</title>").contains("id=\"payments-none\"");
    }

    @DbTest
    void aFormWithoutTheSessionsTokenIsRefused(Database database) throws Exception {
        String customerId = account("notert", false);
        Browser staff = signedIn(account("staff", true));

        HttpResponse<String> forged = staff.form("/admin/customers/" + customerId + "/notes", Map.of("note", "forged"));

        assertThat(forged.statusCode()).isEqualTo(403);
        int notes = host.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM customer_note")
                .mapTo(Integer.class).one());
        assertThat(notes).isZero();
    }

    @DbTest
    void staffFindACustomerAndKeepANoteWhichIsShownEscaped(Database database) throws Exception {
        String customerId = account("findes", false);
        String staffId = account("staff", true);
        Browser staff = signedIn(staffId);
        String email = host.customers().find(customerId).orElseThrow().email();

        HttpResponse<String> found = staff.page("/admin/customers?q=" + email.toUpperCase(java.util.Locale.ROOT));
        assertThat(found.body()).contains("/admin/customers/" + customerId);
        assertThat(staff.page("/admin/customers?q=nobody-by-this-name").body()).contains("id=\"customers-none\"");
        assertThat(staff.page("/admin/customers?q=%25").body()).as("a wildcard is searched for as itself")
                .contains("id=\"customers-none\"");

        String token = Browser.csrfToken(staff.page("/admin/customers/" + customerId));
        HttpResponse<String> noted = staff.form("/admin/customers/" + customerId + "/notes",
                Map.of("_csrf", token, "note", "<script>alert(1)</script> called about invoices"));
        assertThat(noted.statusCode()).isEqualTo(303);
        HttpResponse<String> page = staff.page("/admin/customers/" + customerId);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; called about invoices")
                .doesNotContain("<script>alert(1)</script>").contains(staffId);

        HttpResponse<String> empty = staff.form("/admin/customers/" + customerId + "/notes", Map.of("_csrf", token, "note", " "));
        assertThat(empty.headers().firstValue("Location").orElseThrow()).endsWith("?error=note");

        HttpResponse<String> refused = staff.form("/admin/customers/" + customerId, Map.of("_csrf", token,
                "name", " ", "company", "Ny Firma ApS", "country", "XX", "language", "de"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"name-error\"").contains("id=\"country-error\"")
                .contains("value=\"Ny Firma ApS\"").doesNotContain("id=\"language-error\"");
        assertThat(host.customers().find(customerId).orElseThrow().company()).isNull();
        HttpResponse<String> saved = staff.form("/admin/customers/" + customerId, Map.of("_csrf", token,
                "name", "Nyt Navn", "company", "Ny Firma ApS", "country", "de", "language", "de"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(host.customers().find(customerId).orElseThrow()).satisfies(changed -> {
            assertThat(changed.name()).isEqualTo("Nyt Navn");
            assertThat(changed.company()).isEqualTo("Ny Firma ApS");
            assertThat(changed.country()).isEqualTo("DE");
            assertThat(changed.language()).isEqualTo("de");
            assertThat(changed.email()).isEqualTo(email);
        });

        HttpResponse<String> flags = staff.form("/admin/customers/" + customerId + "/billing",
                Map.of("_csrf", token, "dunningExcluded", "true"));
        assertThat(flags.statusCode()).isEqualTo(303);
        assertThat(host.billing().profiles().of(customerId).dunningExcluded()).isTrue();
        assertThat(host.billing().profiles().of(customerId).invoicingExcluded()).isFalse();
    }

    @DbTest
    void anUploadOfSeveralMegabytesThatIsNoPluginIsRefusedWithAMessage(Database database) throws Exception {
        Browser staff = signedIn(account("staff", true));
        String token = Browser.csrfToken(staff.page("/admin/plugins"));
        byte[] junk = new byte[3_000_000];
        new java.util.Random(7).nextBytes(junk);

        HttpResponse<String> refused = upload(staff, token, junk);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).startsWith("/admin/plugins?error=refused");
        assertThat(host.plugins().list()).isEmpty();

        HttpResponse<String> withoutToken = upload(staff, "wrong", junk);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> none = upload(staff, token, new byte[0]);
        assertThat(none.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/plugins?error=no-file");
        assertThat(staff.page("/admin/plugins?error=no-file").body()).contains("id=\"plugins-error\"");
    }

    /** Sends the plugin upload form as a browser does: multipart, with the CSRF field and the file. */
    private HttpResponse<String> upload(Browser browser, String csrfToken, byte[] zip) throws Exception {
        String boundary = "----kontor" + SEQUENCE.incrementAndGet();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"zip\"; filename=\"plugin.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + host.port() + "/admin/plugins"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", browser.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; ")))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @DbTest
    void aStaffMemberActsAsTheOperatorAndOthersWithTheirOwnRole(Database database) throws Exception {
        String customerId = account("rolle", false);
        String staffId = account("staff", true);
        StaffMembers staff = host.staffMembers();

        assertThat(staff.isStaff(staffId)).isTrue();
        assertThat(staff.isStaff(customerId)).isFalse();
        staff.grant(staffId);
        assertThat(staff.roleOf(staffId, java.util.Optional.of(Access.CUSTOMER))).contains(Access.ADMIN);
        assertThat(staff.roleOf(customerId, java.util.Optional.of(Access.RESELLER))).contains(Access.RESELLER);
        assertThat(staff.roleOf("nobody", java.util.Optional.empty())).isEmpty();
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

    private Browser signedIn(String customerId) throws Exception {
        Browser browser = new Browser(host.port());
        String token = Browser.csrfToken(browser.page("/account/signin"));
        HttpResponse<String> signedIn = browser.form("/account/signin", Map.of("_csrf", token,
                "email", customerId + "@example.dk", "password", PASSWORD));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        return browser;
    }
}
