package org.kontor.host.domains;

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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kontor.api.PluginApi;
import org.kontor.api.registry.DomainRegistry;
import org.kontor.api.registry.RegistryBalance;
import org.kontor.api.registry.RegistryMessage;
import org.kontor.api.web.Access;
import org.kontor.api.web.Caller;
import org.kontor.host.db.HostDatabase;
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
import org.kontor.testkit.TestDatabase;

/** {@code GET /api/v1/registries} over HTTP: the four balance figures and the low flag, for operators only. */
class RegistriesApiTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapping.create();
    private final TestDatabase database = TestDatabase.sqlite();
    private final ScriptedRegistry dk = new ScriptedRegistry("dk-hostmaster", "dk");
    private PluginHost plugins;
    private WebServer server;
    private RegistryMessages messages;

    @BeforeEach
    void start() throws Exception {
        HostDatabase host = HostDatabase.migrated(database.database());
        Clock clock = Clock.systemUTC();
        SecretBox secrets = SecretBox.withKey(SecretBox.newKey(new SecureRandom()));
        PluginSettingsService settings = new PluginSettingsService(host.jdbi(), secrets, clock);
        FakeExtensions extensions = new FakeExtensions().add("registry-dk", DomainRegistry.class, dk);
        plugins = new PluginHost(new PluginHostSettings(Files.createDirectories(temp.resolve("plugins")), false,
                PluginApi.version()), new JdbiPluginStates(host.jdbi(), clock),
                new HostPluginContexts(new HostServices(clock, host.jdbi(), null, secrets, null, null, temp),
                        settings, new SettingsSchemas(extensions)), (id, loader) -> { });
        plugins.start();
        messages = new RegistryMessages(host.jdbi(), clock);
        AccessControl access = new AccessControl(List.of(ctx -> Optional.ofNullable(ctx.header("X-Test-Role"))
                .map(role -> new Caller("tester", Access.valueOf(role)))));
        HostWeb web = new HostWeb(json, plugins, access,
                List.of(config -> new RegistriesApi(extensions, messages).register(config.routes)),
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
        database.close();
    }

    @Test
    void listsEachRegistryWithItsBalanceFiguresAndTheLowFlag() throws Exception {
        dk.balance(new RegistryBalance(ScriptedRegistry.dkk("-200.00"), ScriptedRegistry.dkk("1000.00"),
                ScriptedRegistry.dkk("800.00"), ScriptedRegistry.dkk("1000.00")));

        HttpResponse<String> response = get("/api/v1/registries", "ADMIN");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode registry = json.readTree(response.body()).get(0);
        assertThat(registry.get("id").asText()).isEqualTo("dk-hostmaster");
        assertThat(registry.get("plugin").asText()).isEqualTo("registry-dk");
        assertThat(registry.get("tlds").get(0).asText()).isEqualTo("dk");
        assertThat(registry.get("capabilities").toString()).contains("BALANCE", "POLL");
        assertThat(registry.get("balance").get("amount").asText()).isEqualTo("-200.00");
        assertThat(registry.get("creditLimit").get("amount").asText()).isEqualTo("1000.00");
        assertThat(registry.get("availableCredit").get("amount").asText()).isEqualTo("800.00");
        assertThat(registry.get("lowBalanceThreshold").get("currency").asText()).isEqualTo("DKK");
        assertThat(registry.get("low").asBoolean()).isTrue();
    }

    @Test
    void aRegistryWithoutABalanceListsNoFigures() throws Exception {
        JsonNode registry = json.readTree(get("/api/v1/registries", "ADMIN").body()).get(0);

        assertThat(registry.has("balance")).isFalse();
        assertThat(registry.has("low")).isFalse();
    }

    @Test
    void keptPollMessagesAreListed() throws Exception {
        messages.receive("dk-hostmaster", new RegistryMessage("42", null, "message", "Maintenance", null, Map.of()));

        JsonNode list = json.readTree(get("/api/v1/registries/messages", "ADMIN").body());

        assertThat(list.get(0).get("messageId").asText()).isEqualTo("42");
        assertThat(list.get(0).get("text").asText()).isEqualTo("Maintenance");
    }

    @Test
    void theRegistriesAreForOperatorsOnly() throws Exception {
        assertThat(get("/api/v1/registries", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/registries", "RESELLER").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/registries/messages", "CUSTOMER").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (role != null) {
            request.header("X-Test-Role", role);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
