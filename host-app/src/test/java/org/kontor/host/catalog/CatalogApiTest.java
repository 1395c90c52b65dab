package org.kontor.host.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.PluginApi;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoCatalog;
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

/** The catalog's JSON API over HTTP: operators change it, everyone reads the storefront's view (ORD-2, ORD-7, ORD-14). */
@DatabaseTest(migrateHost = true)
class CatalogApiTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private Catalogs c;
    private PluginHost plugins;
    private WebServer server;

    @BeforeEach
    void start(Database db) throws Exception {
        c = new Catalogs(db);
        SecretBox secrets = SecretBox.withKey(SecretBox.newKey(new SecureRandom()));
        PluginSettingsService settings = new PluginSettingsService(db.jdbi(), secrets, c.clock);
        FakeExtensions extensions = new FakeExtensions();
        plugins = new PluginHost(new PluginHostSettings(Files.createDirectories(temp.resolve("plugins")), false,
                PluginApi.version()), new JdbiPluginStates(db.jdbi(), c.clock),
                new HostPluginContexts(new HostServices(c.clock, db.jdbi(), null, secrets, null, null, temp),
                        settings, new SettingsSchemas(extensions)), (id, loader) -> { });
        plugins.start();
        AccessControl access = new AccessControl(List.of(ctx -> Optional.ofNullable(ctx.header("X-Test-Role"))
                .map(role -> new Caller("tester", Access.valueOf(role)))));
        HostWeb web = new HostWeb(json, plugins, access,
                List.of(config -> new CatalogApi(c.store, c.rules, json, c.clock).register(config.routes)),
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
    }

    private static final String DK = """
            {"enabled": true, "registryId": "dk-hostmaster", "register": {"minYears": 1, "maxYears": 5},
             "renew": {"minYears": 1, "maxYears": 5}, "idn": {"allowed": true, "table": "da"},
             "requiredFields": {"COMPANY": ["vatNumber"]}, "eligibilityNote": "CVR for companies",
             "phases": [{"phase": "GENERAL_AVAILABILITY", "startsAt": "2020-01-01T00:00:00Z"}],
             "prices": [{"operation": "register", "currency": "DKK", "amount": "100.00"},
                        {"operation": "renew", "currency": "DKK", "amount": "89"},
                        {"operation": "register", "currency": "EUR", "amount": "13.50"}]}
            """;

    @DbTest
    void anOperatorPutsATldWithItsPricesAndPhasesAndReadsItBack(Database db) throws Exception {
        HttpResponse<String> created = send("PUT", "/api/v1/catalog/tlds/.DK", DK, "ADMIN");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(send("PUT", "/api/v1/catalog/tlds/dk", DK, "ADMIN").statusCode()).isEqualTo(200);

        JsonNode dk = json.readTree(send("GET", "/api/v1/catalog/tlds/dk", null, "ADMIN").body());
        assertThat(dk.get("registryId").asText()).isEqualTo("dk-hostmaster");
        assertThat(dk.get("register").get("maxYears").asInt()).isEqualTo(5);
        assertThat(dk.get("idn").get("table").asText()).isEqualTo("da");
        assertThat(dk.get("requiredFields").get("COMPANY").get(0).asText()).isEqualTo("vatNumber");
        assertThat(dk.get("phases").get(0).get("phase").asText()).isEqualTo("GENERAL_AVAILABILITY");
        assertThat(dk.get("prices")).hasSize(3);
        assertThat(c.prices.price(Tld.of("dk"), ChargeKind.DOMAIN_RENEW, Money.of("1", "DKK").currency()))
                .contains(Money.of("89.00", "DKK"));
        assertThat(json.readTree(send("GET", "/api/v1/catalog/tlds", null, "ADMIN").body())).hasSize(1);
    }

    @DbTest
    void aPutWithoutAPriceListKeepsThePricesAndOneWithAListReplacesThem(Database db) throws Exception {
        send("PUT", "/api/v1/catalog/tlds/dk", DK, "ADMIN");
        send("PUT", "/api/v1/catalog/tlds/dk", "{\"register\": {\"minYears\": 1, \"maxYears\": 3}}", "ADMIN");
        assertThat(json.readTree(send("GET", "/api/v1/catalog/tlds/dk", null, "ADMIN").body()).get("prices")).hasSize(3);

        send("PUT", "/api/v1/catalog/tlds/dk", "{\"prices\": [{\"operation\": \"renew\", \"currency\": \"DKK\", \"amount\": \"90\"}]}",
                "ADMIN");

        JsonNode prices = json.readTree(send("GET", "/api/v1/catalog/tlds/dk", null, "ADMIN").body()).get("prices");
        assertThat(prices).hasSize(1);
        assertThat(prices.get(0).get("amount").asText()).isEqualTo("90.00");
    }

    @DbTest
    void refusedDataAnswers422NamingEachField(Database db) throws Exception {
        HttpResponse<String> refused = send("PUT", "/api/v1/catalog/tlds/dk", """
                {"register": {"minYears": 1, "maxYears": 12},
                 "phases": [{"phase": "SUNRISE", "startsAt": "2027-02-01T00:00:00Z", "endsAt": "2027-01-01T00:00:00Z"}],
                 "prices": [{"operation": "register", "currency": "XYZ", "amount": "10"},
                            {"operation": "renew", "currency": "DKK", "amount": "-5"}]}
                """, "ADMIN");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode errors = json.readTree(refused.body()).get("errors");
        assertThat(errors.get("register.maxYears").asText()).contains("at most 10 years");
        assertThat(errors.get("phases[0].endsAt").asText()).contains("before it starts");
        assertThat(errors.get("prices[0].currency").asText()).contains("'XYZ' is not a currency code");
        assertThat(errors.get("prices[1].amount").asText()).contains("more than zero");
        assertThat(send("GET", "/api/v1/catalog/tlds/dk", null, "ADMIN").statusCode()).isEqualTo(404);
    }

    @DbTest
    void malformedJsonIs400(Database db) throws Exception {
        assertThat(send("PUT", "/api/v1/catalog/tlds/dk", "{not json", "ADMIN").statusCode()).isEqualTo(400);
    }

    @DbTest
    void anOperatorSetsAndRemovesOnePrice(Database db) throws Exception {
        send("PUT", "/api/v1/catalog/tlds/dk", "{}", "ADMIN");

        assertThat(send("PUT", "/api/v1/catalog/tlds/dk/prices/restore/DKK", "{\"amount\": \"250.00\"}", "ADMIN").statusCode())
                .isEqualTo(200);
        assertThat(c.prices.price(Tld.of("dk"), ChargeKind.DOMAIN_RESTORE, Money.of("1", "DKK").currency()))
                .contains(Money.of("250.00", "DKK"));
        HttpResponse<String> negative = send("PUT", "/api/v1/catalog/tlds/dk/prices/restore/DKK", "{\"amount\": \"-1\"}", "ADMIN");
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(json.readTree(negative.body()).get("errors").get("amount").asText()).contains("more than zero");
        HttpResponse<String> currency = send("PUT", "/api/v1/catalog/tlds/dk/prices/restore/ABC", "{\"amount\": \"1\"}", "ADMIN");
        assertThat(json.readTree(currency.body()).get("errors").has("currency")).isTrue();
        assertThat(send("PUT", "/api/v1/catalog/tlds/dk/prices/lease/DKK", "{\"amount\": \"1\"}", "ADMIN").statusCode())
                .isEqualTo(422);
        assertThat(send("PUT", "/api/v1/catalog/tlds/se/prices/renew/DKK", "{\"amount\": \"1\"}", "ADMIN").statusCode())
                .isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/catalog/tlds/dk/prices/restore/DKK", null, "ADMIN").statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/v1/catalog/tlds/dk/prices/restore/DKK", null, "ADMIN").statusCode()).isEqualTo(404);
    }

    @DbTest
    void anOperatorDisablesAndDeletesATld(Database db) throws Exception {
        send("PUT", "/api/v1/catalog/tlds/dk", "{}", "ADMIN");

        assertThat(json.readTree(send("POST", "/api/v1/catalog/tlds/dk/disable", "", "ADMIN").body()).get("enabled").asBoolean())
                .isFalse();
        assertThat(json.readTree(send("GET", "/api/v1/catalog", null, null).body()).get("tlds")).isEmpty();
        assertThat(json.readTree(send("POST", "/api/v1/catalog/tlds/dk/enable", "", "ADMIN").body()).get("enabled").asBoolean())
                .isTrue();
        assertThat(send("DELETE", "/api/v1/catalog/tlds/dk", null, "ADMIN").statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/v1/catalog/tlds/dk", null, "ADMIN").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/catalog/tlds/dk/disable", "", "ADMIN").statusCode()).isEqualTo(404);
    }

    @DbTest
    void anOperatorPutsListsAndDeletesGroups(Database db) throws Exception {
        send("PUT", "/api/v1/catalog/tlds/dk", "{}", "ADMIN");
        HttpResponse<String> unknown = send("PUT", "/api/v1/catalog/groups/europe",
                "{\"names\": {\"en\": \"Europe\"}, \"tlds\": [\"dk\", \"xyz\"]}", "ADMIN");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json.readTree(unknown.body()).get("errors").get("tlds[1]").asText()).isEqualTo(".xyz is not in the catalog.");

        assertThat(send("PUT", "/api/v1/catalog/groups/europe", "{\"names\": {\"en\": \"Europe\", \"da\": \"Europa\"}, "
                + "\"position\": 2, \"tlds\": [\"dk\"]}", "ADMIN").statusCode()).isEqualTo(201);
        JsonNode groups = json.readTree(send("GET", "/api/v1/catalog/groups", null, "ADMIN").body());
        assertThat(groups.get(0).get("names").get("da").asText()).isEqualTo("Europa");
        assertThat(groups.get(0).get("tlds").get(0).asText()).isEqualTo("dk");
        assertThat(send("DELETE", "/api/v1/catalog/groups/europe", null, "ADMIN").statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/v1/catalog/groups/europe", null, "ADMIN").statusCode()).isEqualTo(404);
    }

    @DbTest
    void everyoneReadsTheStorefrontCatalogInOneCurrencyAndLanguage(Database db) throws Exception {
        c.runningTlds.addAll(List.of("dk", "test", "example"));
        new DemoCatalog(c.store, c.clock).load("sandbox-dk");

        HttpResponse<String> response = send("GET", "/api/v1/catalog?currency=eur&lang=da", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=60");
        JsonNode catalog = json.readTree(response.body());
        assertThat(catalog.get("currency").asText()).isEqualTo("EUR");
        JsonNode dk = find(catalog.get("tlds"), "dk");
        assertThat(dk.get("orderable").asBoolean()).isTrue();
        assertThat(dk.get("prices").get("register").asText()).isEqualTo("13.50");
        assertThat(dk.get("phase").asText()).isEqualTo("GENERAL_AVAILABILITY");
        assertThat(dk.get("idn").get("allowed").asBoolean()).isTrue();
        assertThat(dk.has("registryId")).as("internal").isFalse();
        JsonNode eu = find(catalog.get("tlds"), "eu");
        assertThat(eu.get("orderable").asBoolean()).isFalse();
        assertThat(eu.get("notOrderableReason").asText()).isEqualTo("no-registry");
        JsonNode nu = find(catalog.get("tlds"), "nu");
        assertThat(nu.get("phase").asText()).isEqualTo("SUNRISE");
        assertThat(nu.get("nextPhase").get("phase").asText()).isEqualTo("PRE_REGISTRATION");
        assertThat(catalog.get("groups").get(1).get("name").asText()).isEqualTo("Europa");
        JsonNode cz = find(json.readTree(send("GET", "/api/v1/catalog?currency=CZK", null, null).body()).get("tlds"), "cz");
        assertThat(cz.get("prices").get("register").asText()).isEqualTo("320.00");
        JsonNode dkInCzk = find(json.readTree(send("GET", "/api/v1/catalog?currency=CZK", null, null).body()).get("tlds"), "dk");
        assertThat(dkInCzk.get("notOrderableReason").asText()).isEqualTo("no-price");
    }

    @DbTest
    void theStorefrontCatalogAnswers304ForAnUnchangedEtag(Database db) throws Exception {
        send("PUT", "/api/v1/catalog/tlds/dk", DK, "ADMIN");
        HttpResponse<String> first = send("GET", "/api/v1/catalog?currency=DKK", null, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri("/api/v1/catalog?currency=DKK"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        send("PUT", "/api/v1/catalog/tlds/dk/prices/register/DKK", "{\"amount\": \"101\"}", "ADMIN");
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(uri("/api/v1/catalog?currency=DKK"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    @DbTest
    void anUnknownCurrencyIs400NamingTheField(Database db) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/catalog?currency=XX1", null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get("currency").asText()).contains("XX1");
    }

    @DbTest
    void everyoneChecksAnOrderAgainstTheRules(Database db) throws Exception {
        c.runningTlds.add("dk");
        send("PUT", "/api/v1/catalog/tlds/dk", DK, "ADMIN");

        JsonNode result = json.readTree(send("POST", "/api/v1/catalog/check",
                "{\"name\": \"ÆØÅ.dk\", \"operation\": \"register\", \"years\": 6, \"holderType\": \"company\"}", null).body());

        assertThat(result.get("ascii").asText()).isEqualTo("xn--5cab8c.dk");
        assertThat(result.get("name").asText()).isEqualTo("æøå.dk");
        assertThat(result.get("allowed").asBoolean()).isFalse();
        assertThat(result.get("violations").findValuesAsText("code")).containsExactly("period-not-allowed", "field-required:vatNumber");
        HttpResponse<String> bad = send("POST", "/api/v1/catalog/check", "{\"name\": \"-bad-.dk\"}", null);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json.readTree(bad.body()).get("errors").has("name")).isTrue();
    }

    @DbTest
    void onlyOperatorsChangeTheCatalog(Database db) throws Exception {
        assertThat(send("GET", "/api/v1/catalog", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/catalog/tlds", null, null).statusCode()).isEqualTo(401);
        assertThat(send("PUT", "/api/v1/catalog/tlds/dk", "{}", null).statusCode()).isEqualTo(401);
        assertThat(send("PUT", "/api/v1/catalog/tlds/dk", "{}", "RESELLER").statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/catalog/tlds/dk", null, "CUSTOMER").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/catalog/tlds/dk/disable", "", "RESELLER").statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/catalog/tlds/dk/prices/renew/DKK", "{\"amount\": \"1\"}", "CUSTOMER").statusCode())
                .isEqualTo(403);
        assertThat(send("PUT", "/api/v1/catalog/groups/europe", "{}", "RESELLER").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/catalog/groups", null, null).statusCode()).isEqualTo(401);
        assertThat(c.store.all()).isEmpty();
    }

    private static JsonNode find(JsonNode tlds, String tld) {
        for (JsonNode node : tlds) {
            if (node.get("tld").asText().equals(tld)) {
                return node;
            }
        }
        throw new AssertionError("no ." + tld + " in " + tlds);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(String method, String path, String body, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (role != null) {
            request.header("X-Test-Role", role);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
