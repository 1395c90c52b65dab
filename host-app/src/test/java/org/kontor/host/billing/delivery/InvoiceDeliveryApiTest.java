package org.kontor.host.billing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
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
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.PluginApi;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.database.Database;
import org.kontor.host.billing.Invoice;
import org.kontor.host.billing.Series;
import org.kontor.host.billing.profile.Delivery;
import org.kontor.host.customers.Customer;
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

/** The operator's delivery log and resend over HTTP: answers match the OpenAPI document; customers are refused. */
@DatabaseTest(migrateHost = true)
class InvoiceDeliveryApiTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private DeliveryFixture fixture;
    private PluginHost plugins;
    private WebServer server;
    private JsonNode doc;

    @BeforeEach
    void start(Database db) throws Exception {
        fixture = new DeliveryFixture(db, DeliveryFixture.themesFolder(temp));
        fixture.forgetEarlierTests();
        SecretBox secrets = SecretBox.withKey(SecretBox.newKey(new SecureRandom()));
        PluginSettingsService settings = new PluginSettingsService(db.jdbi(), secrets, fixture.clock);
        FakeExtensions extensions = new FakeExtensions();
        plugins = new PluginHost(new PluginHostSettings(Files.createDirectories(temp.resolve("plugins")), false,
                PluginApi.version()), new JdbiPluginStates(db.jdbi(), fixture.clock),
                new HostPluginContexts(new HostServices(fixture.clock, db.jdbi(), null, secrets, null, null, temp),
                        settings, new SettingsSchemas(extensions)), (id, loader) -> { });
        plugins.start();
        AccessControl access = new AccessControl(List.of(ctx -> Optional.ofNullable(ctx.header("X-Test-Role"))
                .map(role -> new Caller("tester", Access.valueOf(role)))));
        HostWeb web = new HostWeb(json, plugins, access,
                List.of(config -> new InvoiceDeliveryApi(fixture.deliveries, fixture.store, json).register(config.routes)),
                Map.of("database", () -> { }), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty(),
                (ctx, status) -> ctx.status(status).html("<h1>" + status + "</h1>"));
        server = new WebServer("127.0.0.1", 0);
        server.start();
        server.serve(web.build());
        doc = web.openApi().orElseThrow().json();
    }

    @AfterEach
    void stop() {
        server.close();
        plugins.close();
        fixture.close();
    }

    private static final String PATH = "/api/v1/invoices/{id}/deliveries";

    @DbTest
    void anOperatorSeesTheLogAndResends(Database db) throws Exception {
        Customer customer = fixture.customer(Delivery.EMAIL, false, null);
        Invoice invoice = fixture.issue(customer, Series.INVOICE);
        fixture.deliveries.deliver(invoice.id());
        fixture.mailSender.sendDue();
        String path = "/api/v1/invoices/" + invoice.id() + "/deliveries";

        HttpResponse<String> log = send("GET", path, null, "ADMIN");
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertMatches("GET", log);
        JsonNode entry = json.readTree(log.body()).get("deliveries").get(0);
        assertThat(entry.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(entry.get("state").asText()).isEqualTo("SENT");
        assertThat(entry.get("recipient").asText()).isEqualTo(customer.email());

        HttpResponse<String> resent = send("POST", path, "{\"channel\": \"EMAIL\"}", "ADMIN");
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(201);
        assertMatches("POST", resent);
        assertThat(json.readTree(resent.body()).get("deliveries").get(0).get("round").asInt()).isEqualTo(1);
        HttpResponse<String> again = send("POST", path, null, "ADMIN");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        fixture.mailSender.sendDue();
        assertThat(fixture.smtp.greenMail().getReceivedMessages()).hasSize(3);
        assertThat(json.readTree(send("GET", path, null, "ADMIN").body()).get("deliveries")).hasSize(3)
                .allSatisfy(row -> assertThat(row.get("state").asText()).isEqualTo("SENT"));
    }

    @DbTest
    void customersAndStrangersAreRefusedAndNothingIsSent(Database db) throws Exception {
        Customer customer = fixture.customer(Delivery.EMAIL, false, null);
        Invoice invoice = fixture.issue(customer, Series.INVOICE);
        String path = "/api/v1/invoices/" + invoice.id() + "/deliveries";

        HttpResponse<String> asCustomer = send("POST", path, null, "CUSTOMER");
        HttpResponse<String> readAsCustomer = send("GET", path, null, "CUSTOMER");
        HttpResponse<String> asReseller = send("POST", path, null, "RESELLER");
        HttpResponse<String> anonymous = send("POST", path, null, null);

        assertThat(asCustomer.statusCode()).isEqualTo(403);
        assertThat(readAsCustomer.statusCode()).isEqualTo(403);
        assertThat(asReseller.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertMatches("POST", asCustomer);
        assertThat(fixture.mailRows(invoice.number())).isZero();
    }

    @DbTest
    void unknownDocumentsBadChannelsAndExcludedCustomersAreProblems(Database db) throws Exception {
        HttpResponse<String> unknown = send("GET", "/api/v1/invoices/nope/deliveries", null, "ADMIN");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertMatches("GET", unknown);
        assertThat(send("POST", "/api/v1/invoices/nope/deliveries", null, "ADMIN").statusCode()).isEqualTo(404);

        Invoice invoice = fixture.issue(fixture.customer(Delivery.EMAIL, false, null), Series.INVOICE);
        String path = "/api/v1/invoices/" + invoice.id() + "/deliveries";
        HttpResponse<String> badChannel = send("POST", path, "{\"channel\": \"FAX\"}", "ADMIN");
        assertThat(badChannel.statusCode()).isEqualTo(422);
        assertMatches("POST", badChannel);
        HttpResponse<String> notJson = send("POST", path, "channel=EMAIL", "ADMIN");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertMatches("POST", notJson);

        Invoice excluded = fixture.issue(fixture.customer(Delivery.EMAIL, true, null), Series.INVOICE);
        HttpResponse<String> refused = send("POST", "/api/v1/invoices/" + excluded.id() + "/deliveries", null, "ADMIN");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertMatches("POST", refused);
        assertThat(fixture.mailRows(excluded.number())).isZero();
    }

    private HttpResponse<String> send(String method, String path, String body, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (role != null) {
            request.header("X-Test-Role", role);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's status is documented for the operation, and its body matches the documented schema (strictly). */
    private void assertMatches(String method, HttpResponse<String> response) throws Exception {
        String where = method + " " + PATH + " → " + response.statusCode();
        JsonNode answer = doc.path("paths").path(PATH).path(method.toLowerCase()).path("responses")
                .path(String.valueOf(response.statusCode()));
        assertThat(answer.isMissingNode()).as(where + " is a documented answer; body: " + response.body()).isFalse();
        if (answer.has("$ref")) {
            answer = doc.at(answer.get("$ref").asText().substring(1));
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode schema = answer.path("content").path(type).path("schema");
        assertThat(schema.isMissingNode()).as(where + " documents content of type " + type).isFalse();
        ObjectNode root = json.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", strict(doc.get("components").deepCopy()));
        root.set("allOf", json.createArrayNode().add(strict(schema.deepCopy())));
        Set<ValidationMessage> violations = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root)
                .validate(json.readTree(response.body()));
        assertThat(violations).as(where + ": " + response.body()).isEmpty();
    }

    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(InvoiceDeliveryApiTest::strict);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(InvoiceDeliveryApiTest::strict);
        }
        return node;
    }
}
