package org.kontor.host.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.domain.Tld;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.catalog.LaunchPhase;
import org.kontor.host.catalog.Phase;
import org.kontor.host.catalog.TldEntry;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.demo.DemoData;
import org.kontor.host.demo.DemoTmch;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * Sunrise through the cart API of a demo host: the demo's .example, served by the sandbox registry, is put in its
 * sunrise phase (the demo's own sunrise TLD, .nu, has no registry connected in the demo); the demo SMD file is
 * accepted for a label it covers and its encoded signed mark kept for the registry, a changed copy is refused with
 * {@code smd-signature}, a label it does not cover with {@code smd-label-not-covered}.
 */
@DatabaseTest
class SunriseCartTest {

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
    void theDemoSmdIsAcceptedForASunriseRegistrationAndAChangedCopyRefused(Database database) throws Exception {
        host = start(database);
        new DemoData(host, freePort()).load();
        Instant today = host.clock().instant().truncatedTo(ChronoUnit.DAYS);
        TldEntry example = host.catalog().find(Tld.of("example")).orElseThrow();
        host.catalog().put(new TldEntry(example.tld(), true, example.registryId(), example.register(), example.renew(),
                example.idnAllowed(), example.idnTable(), example.requiredFields(), example.residenceCountries(),
                "Sunrise", List.of(new LaunchPhase(Phase.SUNRISE, today.minus(Duration.ofDays(1)), today.plus(Duration.ofDays(30))),
                new LaunchPhase(Phase.GENERAL_AVAILABILITY, today.plus(Duration.ofDays(30)), null))));
        String smd = Files.readString(Path.of("..").resolve(DemoTmch.SMD_FILE));

        HttpResponse<String> withoutSmd = addRegistration("kontor.example", null);
        assertThat(withoutSmd.statusCode()).isEqualTo(422);
        assertThat(json.readTree(withoutSmd.body()).get("reason").asText()).isEqualTo("sunrise-needs-smd");

        HttpResponse<String> changed = addRegistration("kontor.example",
                TestSmds.tamper(smd, xml -> xml.replace("<mark:markName>Kontor<", "<mark:markName>Kontor Global<")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(422);
        JsonNode refusal = json.readTree(changed.body());
        assertThat(refusal.get("reason").asText()).isEqualTo("smd-signature");
        assertThat(refusal.get("errors").fieldNames()).toIterable().containsExactly("signedMark");

        HttpResponse<String> otherLabel = addRegistration("kontor-shop.example", smd);
        assertThat(json.readTree(otherLabel.body()).get("reason").asText()).isEqualTo("smd-label-not-covered");
        assertThat(json.readTree(send("GET", "/api/v1/cart", null).body()).get("items")).as("nothing was added").isEmpty();

        HttpResponse<String> accepted = addRegistration("kontor-demo.example", smd);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode item = json.readTree(accepted.body()).get("items").get(0);
        assertThat(item.get("domain").asText()).isEqualTo("kontor-demo.example");
        assertThat(item.get("signedMark").asBoolean()).isTrue();
        assertThat(item.get("launchPhase").asText()).isEqualTo("sunrise");
        String kept = host.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT signed_mark FROM cart_item WHERE domain = 'kontor-demo.example'").mapTo(String.class).one());
        assertThat(kept).as("the encoded signed mark the registry gets").isEqualTo(SmdFile.parse(smd).encodedSignedMark());
    }

    private HttpResponse<String> addRegistration(String domain, String signedMark) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "register", "domain", domain, "years", 1));
        if (signedMark != null) {
            body.put("signedMark", signedMark);
        }
        return send("POST", "/api/v1/cart/items", body);
    }

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + DemoData.RESELLER_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KontorHost start(Database database) throws Exception {
        Path data = Files.createTempDirectory("kontor-sunrise-test");
        Path plugins = TestPlugins.deploy(data.resolve("plugins"), "epp-registry", "sandbox-registry");
        Map<String, String> environment = Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_DIR", plugins.toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false");
        return KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), Clock.systemUTC());
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
