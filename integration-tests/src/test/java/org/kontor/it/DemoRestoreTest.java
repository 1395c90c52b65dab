package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** What {@code --dev --demo} shows for PA-6: the demo reseller's domain in redemption with its restore price and deadline. */
@DatabaseTest
class DemoRestoreTest {

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
    void theDemoResellerSeesADomainToRestore(Database database) throws Exception {
        host = DemoHosts.start(database);
        int sandboxPort = DemoHosts.freePort();

        new DemoData(host, sandboxPort).load();
        new DemoData(host, sandboxPort).load(); // twice changes nothing

        JsonNode restorable = json.readTree(get("/api/v1/p/prepaid-account/account/restorable").body());
        assertThat(restorable).extracting(d -> d.get("domain").asText()).containsExactly("lapsed-demo.dk");
        assertThat(restorable.get(0).at("/price/amount").asText()).isEqualTo("250.00");
        assertThat(Instant.parse(restorable.get(0).get("restoreBy").asText()))
                .isBetween(Instant.now().plus(Duration.ofDays(24)), Instant.now().plus(Duration.ofDays(26)));
        JsonNode upcoming = json.readTree(get("/api/v1/p/prepaid-account/account/upcoming").body());
        assertThat(upcoming).extracting(d -> d.get("domain").asText()).doesNotContain("lapsed-demo.dk");
        HttpResponse<String> page = get("/p/prepaid-account/upcoming");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().substring(page.body().indexOf("<section class=\"restore\""))).contains("lapsed-demo.dk")
                .contains("250.00");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + DemoData.RESELLER_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }
}
