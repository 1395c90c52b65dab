package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.catalog.CatalogOperation;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The storefront's home and search results pages over HTTP against the demo host and its sandbox registry (ORD-1,
 * ORD-2, ORD-3, ORD-15, PLT-4): IDN names in both forms, results grouped by TLD group, prices with VAT as the
 * visitor's country expects and labelled in their language, the add-to-cart form the cart relies on, and the page
 * cache (a hit, a change of price dropping it, and each visitor's own CSRF token in a page served from it).
 */
@DatabaseTest
class StorefrontPagesTest {

    /** The form of an available name, exactly as the cart expects it; group 1 is the token, 2 and 3 the ACE name. */
    private static final Pattern ADD_TO_CART = Pattern.compile(
            "<form method=\"post\" action=\"/cart/items\" class=\"add-to-cart\"><input type=\"hidden\" name=\"_csrf\" "
                    + "value=\"([A-Za-z0-9_-]{43})\"><input type=\"hidden\" name=\"domain\" value=\"([^\"]+)\"><input "
                    + "type=\"hidden\" name=\"operation\" value=\"register\"><input type=\"hidden\" name=\"period\" "
                    + "value=\"1\"><button type=\"submit\" data-add-domain=\"([^\"]+)\">");

    /**
     * One data folder for the class: its tests share the class's database, and the secrets saved in it (the demo
     * registrar's password) open only with the master key kept in this folder.
     */
    private static Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void anIdnQueryShowsTheNameInUnicodeAndAceFormWithAddToCartFormsForTheAceName(Database database) throws Exception {
        start(database, "default");
        String label = "æblegrød-" + suffix();

        HttpResponse<String> page = get("/search?q=" + encode(label) + "&lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        String ace = org.kontor.api.domain.DomainName.of(label + ".dk").ascii();
        String aceLabel = ace.substring(0, ace.length() - ".dk".length());
        assertThat(aceLabel).startsWith("xn--");
        assertThat(page.body()).contains("You searched for " + label + ", written " + aceLabel + " in the DNS.")
                .contains(">" + label + ".dk</span>").contains(">" + ace + "</span>");
        List<MatchResult> forms = forms(page.body());
        assertThat(forms).extracting(m -> m.group(2)).contains(ace, aceLabel + ".test", aceLabel + ".example");
        forms.forEach(m -> assertThat(m.group(3)).isEqualTo(m.group(2)));
    }

    @DbTest
    void resultsAreGroupedByTldGroupAndAGroupNarrowsTheSearch(Database database) throws Exception {
        start(database, "default");
        String label = "gruppe-" + suffix();

        String all = get("/search?q=" + label + ".example&lang=en").body();
        assertThat(section(all, "exact")).contains("data-domain=\"" + label + ".example\"");
        String top = section(all, "top-10");
        assertThat(top).contains("<h3 id=\"section-top-10\">Top 10</h3>")
                .contains("data-domain=\"" + label + ".dk\"", "data-domain=\"" + label + ".test\"")
                .as("shown once, under the exact match").doesNotContain("data-domain=\"" + label + ".example\"");

        String generic = get("/search?q=" + label + "&group=generic&lang=da").body();
        assertThat(generic).contains("data-group=\"generic\"").doesNotContain("data-group=\"top-10\"");
        assertThat(section(generic, "generic")).contains("<h3 id=\"section-generic\">Generiske</h3>")
                .contains("data-domain=\"" + label + ".test\"", "data-domain=\"" + label + ".example\"")
                .doesNotContain(label + ".dk");
        assertThat(generic).contains("<a href=\"/search?q=" + label + "&amp;group=generic\" aria-current=\"true\">Generiske</a>");

        HttpResponse<String> unknownGroup = get("/search?q=" + label + "&group=nope&lang=de");
        assertThat(unknownGroup.statusCode()).isEqualTo(400);
        assertThat(unknownGroup.body()).contains("Diese Gruppe von Endungen gibt es nicht");
        HttpResponse<String> badName = get("/search?q=-" + label + "&lang=cs");
        assertThat(badName.statusCode()).isEqualTo(422);
        assertThat(badName.body()).contains("Název nemůže začínat pomlčkou.");
    }

    @DbTest
    void aNameHeldAtTheRegistryIsTakenWithATransferLinkAndNoAddToCartForm(Database database) throws Exception {
        start(database, "default");
        String label = "optaget-" + suffix();
        // another registrar holds the .test name at the sandbox registry
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO sandbox_registry_domain (name, roid, registrar, "
                        + "created_at, expires_at, statuses, auth_info) VALUES (:name, :roid, 'other', 0, :expires, 'ok', 'x')")
                .bind("name", label + ".test").bind("roid", "D" + label + "-SANDBOX")
                .bind("expires", System.currentTimeMillis() + 365L * 24 * 3600 * 1000).execute());

        String page = get("/search?q=" + label + "&lang=da").body();

        String taken = row(page, "data-domain=\"" + label + ".test\"");
        assertThat(taken).contains("class=\"result-status\">Optaget</span>")
                .contains("<a class=\"transfer-link\" href=\"/cart?transfer=" + label + ".test\">Flyt hertil")
                .doesNotContain("add-to-cart");
        assertThat(forms(page)).extracting(m -> m.group(2)).contains(label + ".dk").doesNotContain(label + ".test");
    }

    @DbTest
    void theMainNavigationLeadsToAPriceListOfEveryEndingAndToTheHostingProducts(Database database) throws Exception {
        start(database, "default");
        String home = get("/?lang=da").body();
        assertThat(home).contains("href=\"/domains\"").contains("href=\"/hosting\"")
                .as("the way to the admin is shown to staff only").doesNotContain("id=\"nav-admin\"");
        HttpResponse<String> asStaff = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port()
                + "/domains")).header("Authorization", "Bearer " + org.kontor.host.demo.DemoData.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asStaff.body()).contains("id=\"nav-admin\"");

        HttpResponse<String> domains = get("/domains?lang=da");
        assertThat(domains.statusCode()).isEqualTo(200);
        String dk = domains.body().substring(domains.body().indexOf("<tr data-tld=\"dk\">"));
        assertThat(dk.substring(0, dk.indexOf("</tr>"))).as("100.00 DKK net with Danish VAT")
                .contains("<th scope=\"row\">.dk</th><td class=\"amount\">125,00\u00a0DKK</td>");
        assertThat(domains.body()).contains("inkl. moms");

        HttpResponse<String> hosting = get("/hosting?lang=en");
        assertThat(hosting.statusCode()).isEqualTo(200);
        assertThat(hosting.body()).contains("data-addon=\"web-start\"").contains("data-addon=\"mail-basic\"")
                .contains("name=\"product\" value=\"forwarding\"").contains("id=\"hosting-domain-forwarding\"");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]{43})\"")
                .matcher(hosting.body());
        assertThat(token.find()).as("the forms carry the visitor's own CSRF token").isTrue();
    }

    @DbTest
    void pricesShowVatAsTheVisitorsCountryExpectsLabelledInTheirLanguage(Database database) throws Exception {
        start(database, "default");
        String label = "moms-" + suffix();
        String dk = "data-domain=\"" + label + ".dk\"";

        // .dk costs 100.00 DKK net, 13.50 EUR net
        assertThat(row(get("/search?q=" + label + "&lang=da").body(), dk)).contains("125,00\u00a0DKK <span class=\"vat-label\">inkl. moms</span>");
        assertThat(row(get("/search?q=" + label + "&lang=de").body(), dk)).contains("119,00\u00a0DKK <span class=\"vat-label\">inkl. MwSt.</span>");
        assertThat(row(get("/search?q=" + label + "&lang=cs&currency=EUR").body(), dk)).contains("16,34\u00a0EUR <span class=\"vat-label\">vč. DPH</span>");
        assertThat(row(get("/search?q=" + label + "&lang=sk").body(), dk)).contains("123,00\u00a0DKK <span class=\"vat-label\">vrát. DPH</span>");
        assertThat(row(get("/search?q=" + label + "&lang=en").body(), dk)).contains("100.00\u00a0DKK <span class=\"vat-label\">excl. VAT</span>");
        assertThat(row(get("/search?q=" + label + "&lang=en&country=DE").body(), dk)).contains("119.00\u00a0DKK <span class=\"vat-label\">incl. VAT</span>");
        assertThat(get("/?lang=de").body()).contains("inkl. MwSt.").contains("119,00\u00a0DKK")
                .contains("<option value=\"EUR\">EUR</option>");
    }

    @DbTest
    void pagesComeFromTheCacheUntilAPriceChangesAndEachVisitorGetsTheirOwnToken(Database database) throws Exception {
        start(database, "default");
        String path = "/search?q=cache-" + suffix() + "&lang=en";

        HttpResponse<String> first = get(path);
        HttpResponse<String> second = get(path);
        assertThat(first.headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(second.headers().firstValue("X-Page-Cache")).contains("hit");
        String firstToken = forms(first.body()).get(0).group(1);
        String secondToken = forms(second.body()).get(0).group(1);
        assertThat(secondToken).as("each visitor's own session and token").isNotEqualTo(firstToken);
        assertThat(second.body()).doesNotContain("kontor-csrf-slot").doesNotContain(firstToken);
        assertThat(second.headers().firstValue("Cache-Control")).contains("private, no-store");

        // the token in a page from the cache is the one of the session the page's cookie names
        String cookie = sessionCookie(second);
        HttpResponse<String> withToken = postForm("/account/signin", cookie, "_csrf=" + secondToken
                + "&email=nobody%40example.com&password=wrong-password");
        assertThat(withToken.statusCode()).isNotEqualTo(403);
        HttpResponse<String> withOther = postForm("/account/signin", cookie, "_csrf=" + firstToken
                + "&email=nobody%40example.com&password=wrong-password");
        assertThat(withOther.statusCode()).isEqualTo(403);

        host.catalog().setPrice(Tld.of("dk"), CatalogOperation.REGISTER, Money.of("200.00", "DKK"));
        HttpResponse<String> afterChange = get(path);
        assertThat(afterChange.headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(afterChange.body()).contains("200.00\u00a0DKK");
        assertThat(get("/?lang=en").headers().firstValue("X-Page-Cache")).contains("miss");
        assertThat(get("/?lang=en").headers().firstValue("X-Page-Cache")).contains("hit");
    }

    @DbTest
    void theNordlysThemeRendersTheHomeAndSearchPagesWithTheSameFormContract(Database database) throws Exception {
        start(database, "nordlys");
        String label = "nordlys-" + suffix();

        String home = get("/?lang=en").body();
        assertThat(home).contains("nordlys-header").contains("action=\"/search\"").contains("Top 10");
        HttpResponse<String> search = get("/search?q=" + label + "&lang=en");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("nordlys-header");
        assertThat(forms(search.body())).extracting(m -> m.group(2)).contains(label + ".dk");
        HttpResponse<String> live = get("/search?q=" + label + "&lang=en&live=1");
        assertThat(live.body()).contains("data-stream=\"/api/v1/search/stream?q=" + label + "&amp;currency=DKK&amp;lang=en\"")
                .contains("<template id=\"cart-template\">").contains("/assets/js/search.js");
        assertThat(get("/assets/js/search.js").statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private void start(Database database, String theme) throws Exception {
        if (data == null) {
            data = Files.createTempDirectory("kontor-storefront-test");
        }
        host = KontorHost.start(new ConfigLoader(Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_MODE", "development",
                "KONTOR_PLUGINS_DIR", Path.of("..", "plugins").toAbsolutePath().normalize().toString(),
                "KONTOR_THEMES_DIR", Path.of("..", "themes").toAbsolutePath().normalize().toString(),
                "KONTOR_THEME_ACTIVE", theme,
                "KONTOR_STOREFRONT_PAGE_CACHE_SECONDS", "600",
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false"), new Properties()).load(null, false), Clock.systemUTC());
        new DemoData(host, DemoHosts.freePort()).load();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<MatchResult> forms(String html) {
        Matcher matcher = ADD_TO_CART.matcher(html);
        List<MatchResult> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.toMatchResult());
        }
        assertThat(found).as("add-to-cart forms").isNotEmpty();
        return found;
    }

    /** The section of results of one group. */
    private static String section(String html, String id) {
        int start = html.indexOf("data-group=\"" + id + "\"");
        assertThat(start).as("section " + id).isGreaterThanOrEqualTo(0);
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    /** One result row. */
    private static String row(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isGreaterThanOrEqualTo(0);
        return html.substring(start, html.indexOf("</li>", start));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        Optional<String> cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("kontor_session=")).findFirst();
        assertThat(cookie).isPresent();
        return cookie.get().split(";", 2)[0];
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String cookie, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
