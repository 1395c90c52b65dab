package org.kontor.host.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.customers.CustomerHost;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;
import org.kontor.testkit.TestClock;

/**
 * Staff changes are recorded after they complete, without their bodies, and listed for ADMIN only; support staff read
 * operator routes and act in the clearing center, and nothing else.
 */
@DatabaseTest(migrateHost = true)
class StaffAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestClock clock = TestClock.at(Instant.parse("2030-03-01T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private KontorHost host;
    private String admin;
    private String adminName;
    private String support;
    private String supportName;
    private String reseller;

    @BeforeEach
    void start(Database database) throws Exception {
        host = CustomerHost.start(database, clock, Map.of());
        String run = UUID.randomUUID().toString().substring(0, 8);
        adminName = "operator-" + run;
        supportName = "support-" + run;
        admin = host.apiTokens().issue(adminName, Access.ADMIN, "test");
        support = host.apiTokens().issue(supportName, Access.SUPPORT, "test");
        reseller = host.apiTokens().issue("reseller-" + run, Access.RESELLER, "test");
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @DbTest
    void everyStaffChangeIsRecordedWithItsOutcomeAndTargetButNoBody(Database database) throws Exception {
        HttpResponse<String> hold = send(admin, "POST", "/api/v1/clearing/orders/ord-404/hold", "{\"reason\":\"check\"}",
                "X-Request-Id", "req-audit-0001");
        HttpResponse<String> settings = send(admin, "PUT", "/api/v1/plugins/no-such-plugin/settings",
                "{\"apiPassword\":\"s3cret-Value-never-stored\"}");
        send(admin, "GET", "/api/v1/plugins", null);
        send(reseller, "POST", "/api/v1/clearing/orders/ord-404/release", "{}");
        clock.advance(Duration.ofMinutes(5));
        HttpResponse<String> voucher = send(admin, "POST", "/api/v1/vouchers", "{\"code\":\"\"}");

        JsonNode entries = list("?actor=" + adminName);
        assertThat(entries).as("changes only, newest first").hasSize(3);
        JsonNode first = entries.get(2);
        assertThat(first.get("method").asText()).isEqualTo("POST");
        assertThat(first.get("path").asText()).isEqualTo("/api/v1/clearing/orders/ord-404/hold");
        assertThat(first.get("status").asInt()).isEqualTo(hold.statusCode()).isEqualTo(404);
        assertThat(first.get("targetIds").get("id").asText()).isEqualTo("ord-404");
        assertThat(first.get("requestId").asText()).isEqualTo("req-audit-0001");
        assertThat(first.get("role").asText()).isEqualTo("ADMIN");
        assertThat(first.get("at").asText()).isEqualTo("2030-03-01T10:00:00Z");
        assertThat(entries.get(1).get("status").asInt()).isEqualTo(settings.statusCode());
        assertThat(entries.get(0).get("status").asInt()).isEqualTo(voucher.statusCode());
        assertThat(hold.headers().firstValue("X-Request-Id")).hasValue("req-audit-0001");
        assertThat(voucher.headers().firstValue("X-Request-Id")).isPresent();

        String stored = database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM staff_audit").mapToMap().list())
                .toString();
        assertThat(stored).doesNotContain("s3cret").doesNotContain("reseller-");

        assertThat(list("?actor=" + adminName + "&path=/api/v1/clearing/")).hasSize(1);
        assertThat(list("?actor=" + adminName + "&from=2030-03-01T10:01:00Z")).hasSize(1);
        assertThat(list("?actor=" + adminName + "&to=2030-03-01T10:01:00Z")).hasSize(2);
        assertThat(list("?actor=" + adminName + "&limit=1")).hasSize(1);
        assertThat(send(admin, "GET", "/api/v1/admin/audit?from=yesterday", null).statusCode()).isEqualTo(400);
        assertThat(send(admin, "GET", "/api/v1/admin/audit?limit=0", null).statusCode()).isEqualTo(400);
    }

    @DbTest
    void supportReadsAndUsesTheClearingCenterButChangesNothingElse(Database database) throws Exception {
        assertThat(send(support, "GET", "/api/v1/plugins", null).statusCode()).isEqualTo(200);
        assertThat(send(support, "GET", "/api/v1/clearing/orders", null).statusCode()).isEqualTo(200);
        assertThat(send(support, "POST", "/api/v1/clearing/orders/ord-404/release", "{}").statusCode())
                .as("let through to the clearing center, which knows no such order").isEqualTo(404);

        List<Integer> refused = new ArrayList<>();
        refused.add(send(support, "POST", "/api/v1/vouchers", "{\"code\":\"FREE\"}").statusCode());
        refused.add(send(support, "PUT", "/api/v1/plugins/no-such-plugin/settings", "{}").statusCode());
        refused.add(send(support, "POST", "/api/v1/plugins", "{}").statusCode());
        refused.add(send(support, "GET", "/api/v1/admin/audit", null).statusCode());
        refused.add(send(reseller, "GET", "/api/v1/plugins", null).statusCode());
        refused.add(send(reseller, "GET", "/api/v1/admin/audit", null).statusCode());
        assertThat(refused).containsOnly(403);

        JsonNode entries = list("?actor=" + supportName);
        assertThat(entries).extracting(entry -> entry.get("method").asText() + " " + entry.get("path").asText() + " "
                        + entry.get("status").asInt() + " " + entry.get("role").asText())
                .containsExactly(
                        "POST /api/v1/plugins 403 SUPPORT",
                        "PUT /api/v1/plugins/no-such-plugin/settings 403 SUPPORT",
                        "POST /api/v1/vouchers 403 SUPPORT",
                        "POST /api/v1/clearing/orders/ord-404/release 404 SUPPORT");
    }

    private JsonNode list(String query) throws Exception {
        HttpResponse<String> answer = send(admin, "GET", "/api/v1/admin/audit" + query, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("entries");
    }

    private HttpResponse<String> send(String token, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        clock.advance(Duration.ofMillis(10));
        return response;
    }
}
