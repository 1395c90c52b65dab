package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * A domain's DNS records through the JSON API and the customer's page against the demo (TEC-2, CC-3): the zone starts
 * with the operator's records, a change is checked and published to the zone file, refused input says why at its field,
 * and another customer reaches nothing.
 */
@DatabaseTest
class DnsRecordsTest {

    private static final String DOMAIN = "kontor-demo.dk";
    private static final String API = "/api/v1/domains/" + DOMAIN + "/dns";

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void aResellerEditsTheZoneOfADomainTheyHoldAndNobodyElseCan(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        String reseller = DemoData.RESELLER_TOKEN;

        JsonNode zone = demo.json(demo.send("GET", API, null, reseller));
        assertThat(zone.get("state").asText()).as(zone.toString()).isEqualTo("PUBLISHED");
        assertThat(zone.get("records").findValuesAsText("type")).containsExactlyInAnyOrder("A", "CNAME", "MX", "TXT");

        HttpResponse<String> added = demo.send("POST", API + "/records", Map.of("name", "shop", "type", "AAAA",
                "data", "2001:db8::80"), reseller);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode afterAdd = demo.json(added);
        assertThat(afterAdd.get("serial").asLong()).isGreaterThan(zone.get("serial").asLong());
        assertThat(afterAdd.get("state").asText()).isEqualTo("PUBLISHED");

        HttpResponse<String> refused = demo.send("POST", API + "/records", Map.of("name", "www", "type", "A",
                "data", "192.0.2.1"), reseller);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(demo.reason(refused)).isEqualTo("dns-cname-taken");
        assertThat(demo.json(refused).at("/errors/name").asText()).contains("CNAME");

        String zoneFile = demo.send("GET", API + "/zone-file", null, reseller).body();
        assertThat(zoneFile).contains("shop." + DOMAIN + ".").contains("AAAA\t2001:db8:0:0:0:0:0:80").contains("SOA");
        Path onDisk = demo.host.dataDir().resolve("zones").resolve(DOMAIN + ".zone");
        assertThat(Files.readString(onDisk)).contains("2001:db8:0:0:0:0:0:80").contains("ns1.kontor.invalid.");

        String shopId = null;
        for (JsonNode record : afterAdd.get("records")) {
            if (record.get("name").asText().equals("shop")) {
                shopId = record.get("id").asText();
            }
        }
        String stranger = demo.host.apiTokens().issue(DemoData.CUSTOMER_ID, Access.CUSTOMER, "test");
        assertThat(demo.send("GET", API, null, stranger).statusCode()).isEqualTo(404);
        assertThat(demo.send("GET", API + "/zone-file", null, stranger).statusCode()).isEqualTo(404);
        assertThat(demo.send("DELETE", API + "/records/" + shopId, null, stranger).statusCode()).isEqualTo(404);
        assertThat(demo.send("POST", API + "/records", Map.of("name", "evil", "type", "A", "data", "192.0.2.66"),
                stranger).statusCode()).isEqualTo(404);
        assertThat(demo.send("GET", "/account/domains/" + DOMAIN + "/dns", null, stranger).statusCode()).isEqualTo(404);
        assertThat(demo.json(demo.send("GET", API, null, reseller)).get("records").findValuesAsText("name"))
                .contains("shop").doesNotContain("evil");

        HttpResponse<String> page = demo.send("GET", "/account/domains/" + DOMAIN + "/dns", null, reseller);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-state=\"PUBLISHED\"").contains("2001:db8::80")
                .contains("action=\"/account/domains/" + DOMAIN + "/dns/records\"");

        HttpResponse<String> removed = demo.send("DELETE", API + "/records/" + shopId, null, reseller);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Files.readString(onDisk)).doesNotContain("2001:db8:0:0:0:0:0:80").contains("192.0.2.80");
    }
}
