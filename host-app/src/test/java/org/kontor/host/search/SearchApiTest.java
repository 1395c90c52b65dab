package org.kontor.host.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.PluginApi;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.money.Money;
import org.kontor.api.registry.DomainAvailability;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.database.Database;
import org.kontor.host.catalog.CatalogOperation;
import org.kontor.host.catalog.CatalogRules;
import org.kontor.host.catalog.CatalogStore;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.catalog.TldGroup;
import org.kontor.host.catalog.YearRange;
import org.kontor.host.domains.AvailabilitySearch;
import org.kontor.host.domains.DomainPrices;
import org.kontor.host.domains.FakeRegistry;
import org.kontor.host.json.JsonMapping;
import org.kontor.host.plugins.FakeExtensions;
import org.kontor.host.plugins.HostPluginContexts;
import org.kontor.host.plugins.HostServices;
import org.kontor.host.plugins.JdbiPluginStates;
import org.kontor.host.plugins.PluginHost;
import org.kontor.host.plugins.PluginHostSettings;
import org.kontor.host.secrets.SecretBox;
import org.kontor.host.security.AccessControl;
import org.kontor.host.settings.PluginSettingsService;
import org.kontor.host.settings.SettingsSchemas;
import org.kontor.host.web.HostWeb;
import org.kontor.host.web.WebServer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * The domain search over HTTP against registry test doubles (ORD-1, ORD-3, ORD-15): .dk (IDN, Danish table) and
 * .com/.net (no IDN) answer at once, .se (IDN, Latin) answers after {@link #slowMillis}; the search waits 800 ms.
 */
@DatabaseTest(migrateHost = true)
class SearchApiTest {

    private static final Duration TIMEOUT = Duration.ofMillis(800);

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private final TestClock clock = TestClock.at(Instant.parse("2026-12-20T12:00:00Z"));
    private final ExecutorService executor = Executors.newCachedThreadPool();
    /** Labels the registries answer as taken. */
    private final Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile long slowMillis;
    private FakeRegistry dk;
    private FakeRegistry gtld;
    private PluginHost plugins;
    private WebServer server;

    @BeforeEach
    void start(Database db) throws Exception {
        db.jdbi().useHandle(h -> {
            for (String table : List.of("catalog_tld", "catalog_tld_field", "catalog_tld_phase", "catalog_group",
                    "catalog_group_name", "catalog_group_member", "domain_price")) {
                h.execute("DELETE FROM " + table);
            }
        });
        CatalogStore catalog = new CatalogStore(db.jdbi(), new DomainPrices(db.jdbi(), clock), clock);
        catalog.put(tld("dk", true, "da"));
        catalog.put(tld("com", false, null));
        catalog.put(tld("net", false, null));
        catalog.put(tld("se", true, "Latin"));
        catalog.put(tld("org", false, null));
        catalog.setPrice(Tld.of("dk"), CatalogOperation.REGISTER, Money.of("100.00", "DKK"));
        catalog.setPrice(Tld.of("com"), CatalogOperation.REGISTER, Money.of("90.00", "DKK"));
        catalog.setPrice(Tld.of("net"), CatalogOperation.REGISTER, Money.of("95.00", "DKK"));
        catalog.setPrice(Tld.of("se"), CatalogOperation.REGISTER, Money.of("110.00", "DKK"));
        catalog.setPrice(Tld.of("dk"), CatalogOperation.REGISTER, Money.of("13.50", "EUR"));
        // .org has no registry running: not orderable, not searched
        catalog.setPrice(Tld.of("org"), CatalogOperation.REGISTER, Money.of("80.00", "DKK"));
        catalog.putGroup(new TldGroup("top", Map.of("en", "Top", "da", "Top"), 1,
                List.of(Tld.of("com"), Tld.of("dk"), Tld.of("net"))));
        catalog.putGroup(new TldGroup("nordic", Map.of("en", "Nordic", "da", "Norden"), 2,
                List.of(Tld.of("dk"), Tld.of("se"))));

        dk = registry("dk-hostmaster", 0, "dk");
        gtld = registry("gtld", 0, "com", "net");
        FakeExtensions extensions = new FakeExtensions();
        extensions.add("registry-dk", DomainRegistry.class, dk);
        extensions.add("gtld", DomainRegistry.class, gtld);
        extensions.add("slow", DomainRegistry.class, new FakeRegistry("slow", Set.of(Tld.of("se")), names -> {
            sleep(slowMillis);
            return answer(names);
        }));
        CatalogRules rules = new CatalogRules(catalog, CatalogRules.runningRegistries(extensions));
        DomainSearch search = new DomainSearch(catalog, rules, new AvailabilitySearch(extensions, executor, TIMEOUT), clock);

        SecretBox secrets = SecretBox.withKey(SecretBox.newKey(new SecureRandom()));
        PluginSettingsService settings = new PluginSettingsService(db.jdbi(), secrets, clock);
        plugins = new PluginHost(new PluginHostSettings(Files.createDirectories(temp.resolve("plugins")), false,
                PluginApi.version()), new JdbiPluginStates(db.jdbi(), clock),
                new HostPluginContexts(new HostServices(clock, db.jdbi(), null, secrets, null, null, temp),
                        settings, new SettingsSchemas(extensions)), (id, loader) -> { });
        plugins.start();
        HostWeb web = new HostWeb(json, plugins, new AccessControl(List.of(ctx -> Optional.empty())),
                List.of(config -> new SearchApi(search, catalog, json).register(config.routes)),
                Map.of("database", () -> { }), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(),
                (ctx, status) -> ctx.status(status).html("<h1>" + status + "</h1>"));
        server = new WebServer("127.0.0.1", 0);
        server.start();
        server.serve(web.build());
    }

    @AfterEach
    void stop() {
        server.close();
        plugins.close();
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- ORD-1

    @DbTest
    void answersEachOrderableTldWithItsStatusPriceGroupsAndPhase(Database db) throws Exception {
        taken.add("example.com");

        HttpResponse<String> response = get("/api/v1/search?q=Example&currency=dkk&lang=da");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.at("/query/label").asText()).isEqualTo("example");
        assertThat(answer.at("/query/currency").asText()).isEqualTo("DKK");
        JsonNode results = answer.get("results");
        assertThat(results.findValuesAsText("tld")).containsExactly("com", "dk", "net", "se");
        JsonNode com = results.get(0);
        assertThat(com.get("status").asText()).isEqualTo("taken");
        assertThat(com.get("reason").asText()).isEqualTo("In use");
        JsonNode dkResult = results.get(1);
        assertThat(dkResult.get("name").asText()).isEqualTo("example.dk");
        assertThat(dkResult.get("status").asText()).isEqualTo("available");
        assertThat(dkResult.get("price").get("amount").asText()).isEqualTo("100.00");
        assertThat(dkResult.get("price").get("currency").asText()).isEqualTo("DKK");
        assertThat(json.convertValue(dkResult.get("groups"), List.class)).containsExactly("top", "nordic");
        assertThat(dkResult.get("phase").asText()).isEqualTo("GENERAL_AVAILABILITY");
        assertThat(dk.checks).hasSize(2).first().isEqualTo(List.of(DomainName.of("example.dk")));
        assertThat(gtld.checks.get(0)).containsExactly(DomainName.of("example.com"), DomainName.of("example.net"));
    }

    @DbTest
    void onlyTldsWithAPriceInTheCurrencyAreSearchedAndAGroupNarrowsThem(Database db) throws Exception {
        JsonNode eur = json.readTree(get("/api/v1/search?q=example&currency=EUR").body());
        assertThat(eur.get("results").findValuesAsText("tld")).containsExactly("dk");

        JsonNode nordic = json.readTree(get("/api/v1/search?q=example.se&currency=DKK&group=nordic&lang=da").body());
        assertThat(nordic.at("/query/group/name").asText()).isEqualTo("Norden");
        assertThat(nordic.get("results").findValuesAsText("tld")).as("the wished TLD first").containsExactly("se", "dk");
        assertThat(nordic.get("suggestions").findValuesAsText("name")).as("other TLDs outside the group")
                .contains("example.com", "example.net");
    }

    @DbTest
    void aRegistryThatDoesNotAnswerInTimeLeavesItsTldUnknown(Database db) throws Exception {
        slowMillis = 5_000;

        long start = System.nanoTime();
        JsonNode answer = json.readTree(get("/api/v1/search?q=example&currency=DKK").body());
        long millis = (System.nanoTime() - start) / 1_000_000;

        JsonNode se = answer.get("results").get(3);
        assertThat(se.get("tld").asText()).isEqualTo("se");
        assertThat(se.get("status").asText()).isEqualTo("unknown");
        assertThat(se.get("reason").asText()).contains("slow").contains("in time");
        assertThat(answer.get("results").get(1).get("status").asText()).isEqualTo("available");
        assertThat(millis).as("the search and its suggestions wait one timeout each").isLessThan(3 * TIMEOUT.toMillis());
    }

    // ---------------------------------------------------------------- ORD-15

    @DbTest
    void anIdnNameIsShownInBothFormsAndTldsRefusingItAreNotAsked(Database db) throws Exception {
        JsonNode answer = json.readTree(get("/api/v1/search?q=" + encode("ÆBLEGRØD.dk") + "&currency=DKK").body());

        assertThat(answer.at("/query/label").asText()).isEqualTo("æblegrød");
        assertThat(answer.at("/query/ascii").asText()).isEqualTo(DomainName.of("æblegrød.dk").secondLevelLabel());
        assertThat(answer.at("/query/ascii").asText()).startsWith("xn--");
        assertThat(answer.at("/query/idn").asBoolean()).isTrue();
        assertThat(answer.at("/query/tld").asText()).isEqualTo("dk");
        JsonNode results = answer.get("results");
        assertThat(results.get(0).get("tld").asText()).isEqualTo("dk");
        assertThat(results.get(0).get("name").asText()).isEqualTo("æblegrød.dk");
        assertThat(results.get(0).get("ascii").asText()).isEqualTo(DomainName.of("æblegrød.dk").ascii());
        assertThat(results.get(0).get("status").asText()).isEqualTo("available");
        JsonNode com = results.get(1);
        assertThat(com.get("tld").asText()).isEqualTo("com");
        assertThat(com.get("status").asText()).isEqualTo("refused");
        assertThat(com.get("reason").asText()).contains("internationalised");
        assertThat(results.get(3).get("status").asText()).as(".se takes Latin letters").isEqualTo("available");
        assertThat(gtld.checks).as(".com and .net allow no IDN: not asked").isEmpty();
        assertThat(answer.get("suggestions").findValuesAsText("tld")).isNotEmpty().doesNotContain("com", "net");
        assertThat(answer.get("suggestions").findValuesAsText("name")).contains("myæblegrød.dk", "æblegrødshop.dk");
    }

    @DbTest
    void aLabelInAnotherScriptIsRefusedByATldWhoseTableDoesNotCoverIt(Database db) throws Exception {
        JsonNode answer = json.readTree(get("/api/v1/search?q=" + encode("пример") + "&currency=DKK").body());

        assertThat(answer.at("/query/ascii").asText()).startsWith("xn--");
        assertThat(answer.get("results").findValuesAsText("status")).containsOnly("refused");
        assertThat(answer.get("suggestions")).isEmpty();
        assertThat(dk.checks).isEmpty();
    }

    @DbTest
    void inputThatMakesNoNameIsRefusedWithItsReasonBeforeAnyRegistryIsAsked(Database db) throws Exception {
        assertRefused("/api/v1/search?q=-shop", 422, "LEADING_HYPHEN");
        assertRefused("/api/v1/search?q=" + encode("ab--cd"), 422, "HYPHEN_3_4");
        assertRefused("/api/v1/search?q=" + encode("shop.example.dk"), 422, "OTHER");
        assertRefused("/api/v1/search?q=" + encode("a".repeat(64)), 422, "LABEL_TOO_LONG");
        assertRefused("/api/v1/search?q=" + encode("a!b"), 422, "DISALLOWED_CHARACTER");
        assertRefused("/api/v1/search", 400, "EMPTY");
        assertRefused("/api/v1/search/stream?q=" + encode("-shop"), 422, "LEADING_HYPHEN");
        HttpResponse<String> currency = get("/api/v1/search?q=example&currency=EURO");
        assertThat(currency.statusCode()).isEqualTo(400);
        assertThat(json.readTree(currency.body()).at("/errors/currency").asText()).contains("EURO");
        HttpResponse<String> group = get("/api/v1/search?q=example&group=nowhere");
        assertThat(group.statusCode()).isEqualTo(422);
        assertThat(json.readTree(group.body()).at("/errors/group").asText()).contains("nowhere");
        assertThat(dk.checks).isEmpty();
        assertThat(gtld.checks).isEmpty();
    }

    // ---------------------------------------------------------------- ORD-3

    @DbTest
    void suggestsOnlyAvailableAlternativesMadeFromTheLabel(Database db) throws Exception {
        taken.addAll(List.of("myshop.dk", "my-shop.com", "getmyshop.dk", "myshopapp.com"));

        JsonNode answer = json.readTree(get("/api/v1/search?q=" + encode("my shop") + "&currency=DKK").body());

        assertThat(answer.at("/query/label").asText()).isEqualTo("myshop");
        JsonNode suggestions = answer.get("suggestions");
        List<String> names = suggestions.findValuesAsText("name");
        assertThat(names).hasSizeBetween(1, DomainSearch.MAX_SUGGESTIONS).doesNotHaveDuplicates()
                .doesNotContain("my-shop.com", "getmyshop.dk", "myshopapp.com")
                .contains("my-shop.dk");
        assertThat(suggestions.get(0).get("kind").asText()).isEqualTo("hyphenated");
        assertThat(suggestions.findValuesAsText("kind")).contains("hyphenated", "prefix", "suffix");
        for (JsonNode suggestion : suggestions) {
            assertThat(taken).doesNotContain(suggestion.get("ascii").asText());
            assertThat(suggestion.get("price").get("currency").asText()).isEqualTo("DKK");
        }
        List<String> asked = new ArrayList<>();
        dk.checks.forEach(check -> check.forEach(name -> asked.add(name.ascii())));
        gtld.checks.forEach(check -> check.forEach(name -> asked.add(name.ascii())));
        assertThat(asked).as("each suggestion was checked").containsAll(suggestions.findValuesAsText("ascii"));
    }

    // ---------------------------------------------------------------- streaming

    @DbTest
    void theStreamDeliversTheFastRegistriesLinesBeforeTheSlowOnesAndEndsWithDone(Database db) throws Exception {
        slowMillis = 500;

        List<Line> lines = stream("/api/v1/search/stream?q=example&currency=DKK");

        assertThat(lines).extracting(line -> line.json().fieldNames().next())
                .startsWith("result", "result", "result").endsWith("done");
        Line dkLine = find(lines, "dk");
        Line seLine = find(lines, "se");
        // streamed, not buffered: the .dk line arrives well before .se answers, however loaded the machine is
        assertThat(dkLine.millis()).as("the .dk line came before .se answered").isLessThan(seLine.millis() - 100);
        assertThat(seLine.millis()).isGreaterThanOrEqualTo(480);
        assertThat(lines.indexOf(dkLine)).isLessThan(lines.indexOf(seLine));
        assertThat(seLine.json().at("/result/status").asText()).isEqualTo("available");
        int lastResult = 0;
        int firstSuggestion = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).json().has("result")) {
                lastResult = i;
            } else if (lines.get(i).json().has("suggestion") && i < firstSuggestion) {
                firstSuggestion = i;
            }
        }
        assertThat(lastResult).isLessThan(firstSuggestion);
        assertThat(lines.stream().filter(line -> line.json().has("result")).count()).isEqualTo(4);
        assertThat(lines.get(lines.size() - 1).json()).isEqualTo(json.readTree("{\"done\":true}"));
    }

    @DbTest
    void theStreamEndsWhenARegistryDoesNotAnswerInTime(Database db) throws Exception {
        slowMillis = 10_000;

        long start = System.nanoTime();
        List<Line> lines = stream("/api/v1/search/stream?q=example&currency=DKK");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(5 * TIMEOUT.toMillis());
        assertThat(find(lines, "se").json().at("/result/status").asText()).isEqualTo("unknown");
        assertThat(find(lines, "dk").millis()).isLessThan(find(lines, "se").millis());
        assertThat(lines.get(lines.size() - 1).json().get("done").asBoolean()).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private record Line(JsonNode json, long millis) {
    }

    private Line find(List<Line> lines, String tld) {
        return lines.stream().filter(line -> line.json().at("/result/tld").asText().equals(tld)).findFirst().orElseThrow();
    }

    /** The stream's lines, each with the milliseconds from the request until it arrived. */
    private List<Line> stream(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(SearchApi.NDJSON);
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                lines.add(new Line(json.readTree(text), (System.nanoTime() - start) / 1_000_000));
            }
        }
        return lines;
    }

    private void assertRefused(String path, int status, String reason) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("reason").asText()).as(path).isEqualTo(reason);
        assertThat(problem.at("/errors/q").asText()).as(path).isNotBlank();
    }

    private FakeRegistry registry(String id, long millis, String... tlds) {
        Set<Tld> served = new java.util.HashSet<>();
        for (String tld : tlds) {
            served.add(Tld.of(tld));
        }
        return new FakeRegistry(id, served, names -> {
            sleep(millis);
            return answer(names);
        });
    }

    private List<DomainAvailability> answer(List<DomainName> names) {
        return names.stream().map(name -> taken.contains(name.ascii()) || taken.contains(name.unicode())
                ? DomainAvailability.taken(name, "In use") : DomainAvailability.available(name)).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TldEntry tld(String tld, boolean idn, String table) {
        return new TldEntry(Tld.of(tld), true, null, new YearRange(1, 10), new YearRange(1, 10), idn, table, Map.of(),
                Set.of(), null, List.of());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

}
