package org.kontor.host.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.config.KontorConfig;
import org.kontor.host.demo.DemoData;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.host.web.OpenApiDocument;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The search with the aftermarket demo plugin loaded from its zip beside the sandbox registry, as {@code --demo} runs
 * them (ORD-4): the whole answer carries the offers, the stream sends each as its own line before the end, and both
 * match the OpenAPI description.
 */
@DatabaseTest
class SearchWithAftermarketTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void theSearchOffersTheDemoMarketsNamesBesideTheRegistriesAnswers(Database database) throws Exception {
        host = start(database);
        assertThat(host.plugins().activePluginIds()).contains("aftermarket-demo");
        JsonNode doc = json.readTree(get(OpenApiDocument.PATH).body());

        HttpResponse<String> response = get("/api/v1/search?q=shop&currency=DKK");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("results").findValuesAsText("name")).contains("shop.test", "shop.example");
        JsonNode offers = answer.get("offers");
        assertThat(offers.findValuesAsText("name")).startsWith("shop.example")
                .contains("myshop.example", "webshop.example").doesNotContain("coffee.example");
        JsonNode first = offers.get(0);
        assertThat(first.get("price").get("amount").asText()).isEqualTo("4900.00");
        assertThat(first.get("price").get("currency").asText()).isEqualTo("EUR");
        assertThat(first.get("link").asText()).isEqualTo("https://aftermarket.example/buy/shop.example");
        assertThat(first.get("provider").asText()).isEqualTo("aftermarket-demo");
        assertThat(first.get("providerName").asText()).isEqualTo("Aftermarket (demo)");
        assertThat(violations(doc, doc.at("/components/schemas/SearchAnswer"), answer)).as(response.body()).isEmpty();

        List<JsonNode> lines = stream("/api/v1/search/stream?q=shop&currency=DKK");

        List<JsonNode> offerLines = lines.stream().filter(line -> line.has("offer")).toList();
        assertThat(offerLines).extracting(line -> line.at("/offer/name").asText())
                .containsExactlyElementsOf(offers.findValuesAsText("name"));
        assertThat(lines.get(lines.size() - 1).get("done").asBoolean()).as("offers come before the end").isTrue();
        assertThat(lines).filteredOn(line -> line.has("result")).isNotEmpty();
        for (JsonNode line : lines) {
            assertThat(violations(doc, doc.at("/components/schemas/SearchStreamLine"), line)).as(line.toString()).isEmpty();
        }

        JsonNode none = json.readTree(get("/api/v1/search?q=qzxwvk&currency=DKK").body());
        assertThat(none.get("offers")).as("no demo name is like it").isEmpty();
    }

    @DbTest
    void theSearchPageShowsTheOffersWithTheirPriceAndALinkToTheSeller(Database database) throws Exception {
        host = start(database);

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/search?q=shop&lang=de"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String body = page.body();
        String offers = body.substring(body.indexOf("id=\"offer-list\""), body.indexOf("</ul>", body.indexOf("id=\"offer-list\"")));
        assertThat(offers).contains("data-offer=\"shop.example\"").contains("4.900,00\u00a0EUR")
                .contains("href=\"https://aftermarket.example/buy/shop.example\"")
                .contains("Angebot bei Aftermarket (demo) ansehen").doesNotContain("coffee.example");
        assertThat(body.indexOf("data-offer=\"shop.example\"")).isLessThan(body.indexOf("data-offer=\"myshop.example\""));
    }

    private KontorHost start(Database database) throws Exception {
        Path data = Files.createTempDirectory("kontor-aftermarket-test");
        Path plugins = TestPlugins.deploy(data.resolve("plugins"), "epp-registry", "sandbox-registry", "aftermarket-demo");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", plugins.toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        KontorConfig config = new ConfigLoader(environment, new Properties()).load(null, false);
        KontorHost started = KontorHost.start(config, Clock.systemUTC());
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        new DemoData(started, port).load();
        return started;
    }

    private List<JsonNode> stream(String path) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                lines.add(json.readTree(text));
            }
        }
        return lines;
    }

    /** Validates against a schema of the document, strict: objects may carry only the properties documented. */
    private Set<ValidationMessage> violations(JsonNode doc, JsonNode schema, JsonNode value) {
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", strict(doc.get("components").deepCopy()));
        root.set("allOf", json.createArrayNode().add(strict(schema.deepCopy())));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root).validate(value);
    }

    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(SearchWithAftermarketTest::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(SearchWithAftermarketTest::strict);
        }
        return node;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.port() + path);
    }
}
