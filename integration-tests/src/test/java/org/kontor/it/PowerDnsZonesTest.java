package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.domain.DomainName;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.customers.SignUp;
import org.kontor.host.plugins.TestPlugins;
import org.kontor.plugins.powerdns.Dns;
import org.kontor.plugins.powerdns.PowerDnsServer;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * A customer's zone served by a real PowerDNS Authoritative server through the PowerDNS plugin (TEC-3): the host keeps
 * the records and publishes each change; the name server answers with them by DNS.
 */
@DatabaseTest
class PowerDnsZonesTest {

    private static final String PLUGIN = "dns-powerdns";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private KontorHost host;
    private PowerDnsServer pdns;

    @AfterEach
    void stop() throws Exception {
        if (host != null) {
            host.close();
        }
        if (pdns != null) {
            pdns.close();
        }
    }

    @DbTest
    void everyChangeOfTheZoneIsServedByPowerDns(Database database) throws Exception {
        pdns = PowerDnsServer.start(Files.createTempDirectory("kontor-pdns"));
        Path data = Files.createTempDirectory("kontor-pdns-host");
        Map<String, String> environment = new HashMap<>();
        environment.put("KONTOR_DATA_DIR", data.toString());
        environment.put("KONTOR_DB_URL", database.config().jdbcUrl());
        environment.put("KONTOR_PLUGINS_DIR", TestPlugins.deploy(data.resolve("plugins"), PLUGIN).toString());
        environment.put("KONTOR_HTTP_PORT", "0");
        environment.put("KONTOR_JOBS_ENABLED", "false");
        environment.put("KONTOR_SECRETS_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        environment.put("KONTOR_CUSTOMERS_PASSWORD_MEMORY_KIB", "1024");
        environment.put("KONTOR_CUSTOMERS_PASSWORD_ITERATIONS", "1");
        environment.put("KONTOR_DNS_PROVIDER", PLUGIN);
        environment.put("KONTOR_DNS_DEFAULT_RECORDS", "@ A 192.0.2.10; www CNAME @");
        host = KontorHost.start(new ConfigLoader(environment, new Properties()).load(null, false), Clock.systemUTC());
        String admin = host.apiTokens().issue("operator-1", Access.ADMIN, "test");
        HttpResponse<String> saved = send("PUT", "/api/v1/plugins/" + PLUGIN + "/settings", admin, Map.of(
                "api-url", pdns.apiUrl(), "api-key", pdns.apiKey(), "nameservers", "ns1.kontor.test ns2.kontor.test",
                "timeout-seconds", "5"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        String customerId = "dns-" + UUID.randomUUID().toString().substring(0, 8);
        host.customers().create(customerId, new SignUp(customerId + "@example.com", "correct horse battery",
                "Ida Berg", null, "DK", "da", "DKK"), Access.CUSTOMER);
        String token = host.apiTokens().issue(customerId, Access.CUSTOMER, "test");
        DomainName domain = DomainName.of(customerId + ".dk");
        host.domainStore().jdbi().useTransaction(h -> host.domainStore().put(h, domain, customerId, "sandbox",
                PortfolioDomain.State.ACTIVE, java.time.Instant.now(), java.time.Instant.now().plus(Duration.ofDays(365)),
                null, "test"));
        String api = "/api/v1/domains/" + domain.ascii() + "/dns";
        String fqdn = domain.ascii() + ".";
        Dns dns = new Dns(pdns.dnsPort());

        JsonNode zone = json.readTree(send("GET", api, token, null).body());
        assertThat(zone.get("state").asText()).as(zone + pdns.log()).isEqualTo("PUBLISHED");
        assertThat(zone.get("provider").asText()).isEqualTo("powerdns");
        assertThat(dns.data(fqdn, "A")).containsExactly("192.0.2.10");
        assertThat(dns.data("www." + fqdn, "CNAME")).containsExactly(fqdn);
        assertThat(dns.data(fqdn, "NS")).containsExactly("ns1.kontor.test.", "ns2.kontor.test.");

        assertThat(send("POST", api + "/records", token, Map.of("type", "TXT", "data", "v=spf1 mx -all")).statusCode())
                .isEqualTo(201);
        assertThat(send("POST", api + "/records", token, Map.of("type", "MX", "priority", 10,
                "data", "mail.example.net")).statusCode()).isEqualTo(201);
        JsonNode changed = json.readTree(send("POST", api + "/records", token, Map.of("name", "shop", "type", "AAAA",
                "data", "2001:db8::80")).body());
        assertThat(changed.get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(dns.data(fqdn, "TXT")).containsExactly("\"v=spf1 mx -all\"");
        assertThat(dns.data(fqdn, "MX")).containsExactly("10 mail.example.net.");
        assertThat(dns.data("shop." + fqdn, "AAAA")).as("2001:db8::80 as dnsjava writes it").containsExactly("2001:db8:0:0:0:0:0:80");

        String wwwId = null;
        for (JsonNode record : changed.get("records")) {
            if (record.get("name").asText().equals("www")) {
                wwwId = record.get("id").asText();
            }
        }
        assertThat(send("DELETE", api + "/records/" + wwwId, token, null).statusCode()).isEqualTo(200);
        assertThat(dns.ask("www." + fqdn, "CNAME").records()).as("the removed record is no longer served").isEmpty();
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
