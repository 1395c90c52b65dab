package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * What {@code --dev --demo} shows: the reactor's plugins in development mode and the demo data, with the demo
 * reseller's prepaid account and the Upcoming payments page filled.
 */
@DatabaseTest
class DemoUpcomingTest {

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
    void theDemoResellerSeesUpcomingPayments(Database database) throws Exception {
        host = DemoHosts.start(database);
        int sandboxPort = DemoHosts.freePort();

        new DemoData(host, sandboxPort).load();
        new DemoData(host, sandboxPort).load(); // twice changes nothing

        JsonNode upcoming = json.readTree(get("/api/v1/p/prepaid-account/account/upcoming").body());
        assertThat(upcoming).extracting(n -> n.get("domain").asText())
                .containsExactly("kontor-demo.dk", org.kontor.api.domain.DomainName.of("blåbær-demo.dk").ascii(), "demo-shop.test");
        assertThat(upcoming.get(0).at("/price/amount").asText()).isEqualTo("89.00");
        JsonNode account = json.readTree(get("/api/v1/p/prepaid-account/account").body()).get("account");
        assertThat(account.at("/balance/amount").asText()).isEqualTo("5000.00");
        HttpResponse<String> page = get("/p/prepaid-account/upcoming");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("kontor-demo.dk").contains("blåbær-demo.dk").doesNotContain("longterm-demo.dk");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + DemoData.RESELLER_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }
}
