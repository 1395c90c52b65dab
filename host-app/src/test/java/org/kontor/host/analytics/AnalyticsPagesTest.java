package org.kontor.host.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.Browser;
import org.kontor.host.customers.CustomerHost;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * TEC-6 on the storefront with the real Matomo plugin: its tracker appears in the page head only while the plugin is
 * enabled and configured and the visitor accepted; the banner asks until the visitor chooses; the content security
 * policy names the Matomo origin only while the plugin is enabled; a cached visitor page never carries another
 * visitor's choice.
 */
@DatabaseTest(migrateHost = true)
class AnalyticsPagesTest {

    private static final String ID = "analytics-matomo";
    private static final String MATOMO = "https://stats.example.org";
    private static final String TRACKER = "/assets/p/analytics-matomo/matomo-tracker.js";

    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));

    /** A host with the Matomo plugin enabled and not configured (the methods share one database: forget the last's). */
    private KontorHost start(Database database) throws Exception {
        database.jdbi().useHandle(h -> {
            h.createUpdate("DELETE FROM plugin_setting WHERE plugin_id = :id").bind("id", ID).execute();
            h.createUpdate("DELETE FROM plugin_state WHERE plugin_id = :id").bind("id", ID).execute();
        });
        Path plugins = TestPlugins.deploy(Files.createTempDirectory("kontor-analytics-test").resolve("plugins"), ID);
        return CustomerHost.start(database, clock, Map.of("KONTOR_PLUGINS_DIR", plugins.toString()));
    }

    private static String csp(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Security-Policy").orElse("");
    }

    private static HttpResponse<String> home(KontorHost host, String consent) throws Exception {
        Browser browser = new Browser(host.port());
        if (consent != null) {
            browser.cookies.put(Consent.COOKIE, consent);
        }
        return browser.page("/");
    }

    @DbTest
    void theTrackerAppearsOnlyWhenThePluginIsEnabledAndConfiguredAndTheVisitorAccepted(Database database) throws Exception {
        try (KontorHost host = start(database)) {
            assertThat(host.plugins().activePluginIds()).contains(ID);
            String admin = host.apiTokens().issue("operator-1", Access.ADMIN, "test");
            Browser operator = new Browser(host.port());

            HttpResponse<String> unconfigured = home(host, "analytics");
            assertThat(unconfigured.body()).doesNotContain(TRACKER).doesNotContain("id=\"consent-banner\"");
            assertThat(csp(unconfigured)).doesNotContain(MATOMO);

            HttpResponse<String> saved = operator.json("PUT", "/api/v1/plugins/" + ID + "/settings",
                    "{\"base-url\":\"" + MATOMO + "/\",\"site-id\":\"7\",\"cookieless\":\"false\"}",
                    "Authorization", "Bearer " + admin);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

            HttpResponse<String> undecided = home(host, null);
            assertThat(undecided.statusCode()).isEqualTo(200);
            assertThat(undecided.body()).as("before the visitor chose").doesNotContain(TRACKER)
                    .contains("id=\"consent-banner\"", "action=\"/consent\"", "name=\"choice\" value=\"analytics\"");
            assertThat(csp(undecided)).contains("script-src 'self' " + MATOMO, "connect-src 'self' " + MATOMO,
                    "img-src 'self' data: " + MATOMO).doesNotContain("unsafe-inline");

            HttpResponse<String> accepted = home(host, "analytics");
            assertThat(accepted.body()).contains("<script src=\"" + TRACKER + "\"", "data-matomo-url=\"" + MATOMO + "/\"",
                    "data-site-id=\"7\"", "data-cookieless=\"false\"", "id=\"consent-withdraw\"")
                    .doesNotContain("id=\"consent-banner\"");
            assertThat(accepted.body().indexOf(TRACKER)).as("in the head").isLessThan(accepted.body().indexOf("</head>"));

            HttpResponse<String> declined = home(host, "none");
            assertThat(declined.body()).doesNotContain(TRACKER).doesNotContain("id=\"consent-banner\"");

            HttpResponse<String> script = new Browser(host.port()).get(TRACKER);
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.body()).contains("data-matomo-url", "disableCookies", "_paq");

            HttpResponse<String> disabled = operator.json("POST", "/api/v1/plugins/" + ID + "/disable", null,
                    "Authorization", "Bearer " + admin);
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
            HttpResponse<String> afterDisabling = home(host, "analytics");
            assertThat(afterDisabling.body()).doesNotContain(TRACKER).doesNotContain("id=\"consent-banner\"");
            assertThat(csp(afterDisabling)).doesNotContain(MATOMO);
            assertThat(csp(home(host, null))).doesNotContain(MATOMO);
        }
    }

    @DbTest
    void aCachedVisitorPageNeverCarriesAnotherVisitorsChoice(Database database) throws Exception {
        try (KontorHost host = start(database)) {
            String admin = host.apiTokens().issue("operator-1", Access.ADMIN, "test");
            new Browser(host.port()).json("PUT", "/api/v1/plugins/" + ID + "/settings",
                    "{\"base-url\":\"" + MATOMO + "\",\"site-id\":\"7\",\"cookieless\":\"false\"}",
                    "Authorization", "Bearer " + admin);

            HttpResponse<String> first = home(host, "analytics");
            HttpResponse<String> firstAgain = home(host, "analytics");
            HttpResponse<String> stranger = home(host, null);
            HttpResponse<String> strangerAgain = home(host, null);
            HttpResponse<String> decliner = home(host, "none");

            assertThat(first.headers().firstValue("X-Page-Cache")).hasValue("miss");
            assertThat(firstAgain.headers().firstValue("X-Page-Cache")).as("the cache is at work").hasValue("hit");
            assertThat(firstAgain.body()).contains(TRACKER);
            assertThat(stranger.body()).doesNotContain(TRACKER).contains("id=\"consent-banner\"");
            assertThat(strangerAgain.headers().firstValue("X-Page-Cache")).hasValue("hit");
            assertThat(strangerAgain.body()).doesNotContain(TRACKER).contains("id=\"consent-banner\"");
            assertThat(decliner.body()).doesNotContain(TRACKER).doesNotContain("id=\"consent-banner\"");
        }
    }

    @DbTest
    void theBannerSetsTheChoiceInAFirstPartyCookieForSixMonths(Database database) throws Exception {
        try (KontorHost host = start(database)) {
            String admin = host.apiTokens().issue("operator-1", Access.ADMIN, "test");
            new Browser(host.port()).json("PUT", "/api/v1/plugins/" + ID + "/settings",
                    "{\"base-url\":\"" + MATOMO + "\",\"site-id\":\"7\",\"cookieless\":\"false\"}",
                    "Authorization", "Bearer " + admin);
            Browser visitor = new Browser(host.port());
            HttpResponse<String> page = visitor.page("/domains");
            assertThat(page.body()).contains("id=\"consent-banner\"").doesNotContain(TRACKER);

            HttpResponse<String> forged = new Browser(host.port()).form("/consent", Map.of("choice", "analytics",
                    "return", "/domains"));
            assertThat(forged.statusCode()).as("without the CSRF token").isEqualTo(403);

            HttpResponse<String> accepted = visitor.form("/consent", Map.of("_csrf", Browser.csrfToken(page),
                    "choice", "analytics", "return", "/domains"));
            assertThat(accepted.statusCode()).isEqualTo(303);
            assertThat(accepted.headers().firstValue("Location")).hasValue("/domains");
            String cookie = accepted.headers().allValues("Set-Cookie").stream()
                    .filter(header -> header.startsWith(Consent.COOKIE + "=")).findFirst().orElseThrow();
            assertThat(cookie).startsWith("kontor_consent=analytics").containsIgnoringCase("Max-Age=15811200")
                    .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Path=/");
            assertThat(visitor.page("/domains").body()).contains(TRACKER).doesNotContain("id=\"consent-banner\"");

            HttpResponse<String> withdrawn = visitor.form("/consent", Map.of("_csrf", Browser.csrfToken(page),
                    "choice", "none", "return", "//evil.example/"));
            assertThat(withdrawn.headers().firstValue("Location")).as("only paths on this site").hasValue("/");
            assertThat(visitor.cookies).containsEntry(Consent.COOKIE, "none");
            assertThat(visitor.page("/domains").body()).doesNotContain(TRACKER).doesNotContain("id=\"consent-banner\"");

            HttpResponse<String> nonsense = visitor.form("/consent", Map.of("_csrf", Browser.csrfToken(page),
                    "choice", "everything"));
            assertThat(nonsense.statusCode()).isEqualTo(400);
        }
    }
}
