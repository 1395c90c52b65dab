package org.kontor.host.customising;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.admin.StaffAccounts;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Customising in the admin (ADM-6): what the operator saves shows on the storefront, rich text cannot bring
 * script along, a wrong colour is a form error that saves nothing, the theme can be switched, and the logo must be a
 * harmless image.
 */
@DatabaseTest(migrateHost = true)
class CustomisingPagesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
    private KontorHost host;
    private StaffAccounts accounts;

    @BeforeEach
    void start(Database database) throws Exception {
        database.jdbi().useHandle(h -> h.execute("DELETE FROM site_setting"));
        host = CustomerHost.start(database, clock, Map.of("KONTOR_THEMES_DIR", "../themes"));
        accounts = new StaffAccounts(host);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void savedTextsAndColoursShowOnTheStorefrontWithoutAnyScript(Database database) throws Exception {
        String adminId = accounts.account("admin", Access.ADMIN);
        Browser admin = accounts.signedIn(adminId);
        String token = Browser.csrfToken(admin.page("/admin/customising"));

        HttpResponse<String> saved = admin.form("/admin/customising", form(token, Map.of(
                "colour-primary", "#12AB34", "colour-header", "#123",
                "welcome", "<p>Velkommen <strong>hos os</strong><img src=x onerror=alert(1)></p><script>alert(2)</script>"
                        + "<a href=\"javascript:alert(3)\">klik</a> <a href=\"https://example.dk/om\">om os</a>",
                "footer", "<p onclick=\"alert(4)\">Kontor ApS · CVR 12345678</p><iframe src=\"https://evil.example\"></iframe>",
                "termsUrl", "https://example.dk/terms")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        Browser visitor = new Browser(host.port());
        String home = visitor.page("/").body();
        assertThat(home).contains("id=\"welcome-text\"").contains("Velkommen <strong>hos os</strong>")
                .contains("href=\"https://example.dk/om\"").contains("Kontor ApS · CVR 12345678")
                .contains("id=\"terms-link\"").contains("href=\"https://example.dk/terms\"")
                .doesNotContain("onerror").doesNotContain("alert(").doesNotContain("<script>alert")
                .doesNotContain("javascript:").doesNotContain("onclick").doesNotContain("<iframe");
        String stored = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT value FROM site_setting WHERE name = 'text.welcome'").mapTo(String.class).one());
        assertThat(stored).as("cleaned before it is stored").doesNotContain("onerror").doesNotContain("script")
                .doesNotContain("javascript");

        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/site/brand\\.css\\?v=\\d+)\"").matcher(home);
        assertThat(css.find()).as("the generated style sheet is linked").isTrue();
        HttpResponse<String> sheet = visitor.get(css.group(1));
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(sheet.body()).contains("--k-primary: #12ab34;").contains("--k-header-bg: #112233;")
                .doesNotContain("--k-accent");
        assertThat(home).doesNotContain("style=");

        assertThat(admin.page("/admin/customising").body()).contains("value=\"#12ab34\"");
        assertThat(accounts.audit(adminId)).containsExactly("POST /admin/customising 303 ADMIN");
    }

    @DbTest
    void aWrongColourOrAddressIsAFormErrorAndNothingIsSaved(Database database) throws Exception {
        Browser admin = accounts.signedIn(accounts.account("admin", Access.ADMIN));
        String token = Browser.csrfToken(admin.page("/admin/customising"));

        HttpResponse<String> refused = admin.form("/admin/customising", form(token, Map.of(
                "colour-primary", "red;} body{display:none", "colour-accent", "#00ff00",
                "termsUrl", "javascript:alert(1)", "welcome", "<p>Ny tekst</p>")));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"colour-primary-error\"").contains("id=\"termsUrl-error\"")
                .doesNotContain("id=\"colour-accent-error\"").contains("id=\"customising-errors\"")
                .contains("Enter a colour as #rrggbb");
        int rows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM site_setting").mapTo(Integer.class).one());
        assertThat(rows).isZero();
        assertThat(new Browser(host.port()).page("/").body()).doesNotContain("Ny tekst").doesNotContain("brand.css");

        HttpResponse<String> unknownTheme = admin.form("/admin/customising", form(token, Map.of("theme", "no-such-theme")));
        assertThat(unknownTheme.statusCode()).isEqualTo(422);
        assertThat(unknownTheme.body()).contains("id=\"theme-error\"");
    }

    @DbTest
    void theChosenThemeRendersTheStorefront(Database database) throws Exception {
        Browser admin = accounts.signedIn(accounts.account("admin", Access.ADMIN));
        String token = Browser.csrfToken(admin.page("/admin/customising"));
        Browser visitor = new Browser(host.port());
        assertThat(visitor.page("/").body()).doesNotContain("nordlys-header");
        assertThat(admin.page("/admin/customising").body()).contains("<option value=\"nordlys\"");

        assertThat(admin.form("/admin/customising", form(token, Map.of("theme", "nordlys"))).statusCode()).isEqualTo(303);

        assertThat(visitor.page("/").body()).contains("nordlys-header");
        assertThat(admin.form("/admin/customising", form(token, Map.of("theme", ""))).statusCode()).isEqualTo(303);
        assertThat(visitor.page("/").body()).doesNotContain("nordlys-header");
    }

    @DbTest
    void theLogoMustBeAnImageAndAnSvgWithScriptIsRefused(Database database) throws Exception {
        String adminId = accounts.account("admin", Access.ADMIN);
        Browser admin = accounts.signedIn(adminId);
        String token = Browser.csrfToken(admin.page("/admin/customising"));

        byte[] scripted = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"4\" height=\"4\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = accounts.upload(admin, "/admin/customising/logo", token, "logo", "logo.svg",
                "image/svg+xml", scripted);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/customising?error=unsafe_svg");
        byte[] handler = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onload=\"alert(1)\" width=\"4\" height=\"4\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(accounts.upload(admin, "/admin/customising/logo", token, "logo", "logo.svg", "image/svg+xml", handler)
                .headers().firstValue("Location").orElseThrow()).endsWith("error=unsafe_svg");
        assertThat(accounts.upload(admin, "/admin/customising/logo", token, "logo", "logo.png", "image/png",
                "GIF89a not a png".getBytes(StandardCharsets.UTF_8)).headers().firstValue("Location").orElseThrow())
                .endsWith("error=type");
        assertThat(accounts.upload(admin, "/admin/customising/logo", token, "logo", "logo.png", "image/png",
                new byte[LogoCheck.MAX_BYTES + 1]).headers().firstValue("Location").orElseThrow()).endsWith("error=too_large");
        assertThat(admin.page("/admin/customising?error=unsafe_svg").body()).contains("id=\"customising-error\"");
        Browser visitor = new Browser(host.port());
        assertThat(visitor.page("/").body()).doesNotContain("id=\"site-logo\"");
        assertThat(visitor.get("/site/logo").statusCode()).isEqualTo(404);

        HttpResponse<String> uploaded = accounts.upload(admin, "/admin/customising/logo", token, "logo", "logo.png",
                "image/png", PNG);
        assertThat(uploaded.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/customising?done=logo");
        String home = visitor.page("/").body();
        assertThat(home).contains("id=\"site-logo\"");
        HttpResponse<byte[]> logo = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + host.port() + "/site/logo")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(logo.body()).isEqualTo(PNG);

        byte[] clean = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\" fill=\"#123456\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(accounts.upload(admin, "/admin/customising/logo", token, "logo", "logo.svg", "image/svg+xml", clean)
                .headers().firstValue("Location").orElseThrow()).endsWith("done=logo");
        assertThat(visitor.get("/site/logo").headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");

        assertThat(admin.form("/admin/customising/logo/remove", Map.of("_csrf", token)).statusCode()).isEqualTo(303);
        assertThat(visitor.page("/").body()).doesNotContain("id=\"site-logo\"");
        assertThat(accounts.audit(adminId)).hasSize(7).allMatch(row -> row.startsWith("POST /admin/customising/logo"));
    }

    @DbTest
    void supportStaffReadTheCustomisingButCannotChangeIt(Database database) throws Exception {
        String supportId = accounts.account("support", Access.SUPPORT);
        Browser support = accounts.signedIn(supportId);
        HttpResponse<String> page = support.page("/admin/customising");
        assertThat(page.statusCode()).isEqualTo(200);

        HttpResponse<String> refused = support.form("/admin/customising",
                form(Browser.csrfToken(page), Map.of("colour-primary", "#000000")));

        assertThat(refused.statusCode()).isEqualTo(403);
        int rows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM site_setting").mapTo(Integer.class).one());
        assertThat(rows).isZero();
        assertThat(accounts.audit(supportId)).containsExactly("POST /admin/customising 403 SUPPORT");
    }

    private static Map<String, String> form(String token, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", token);
        return form;
    }
}
