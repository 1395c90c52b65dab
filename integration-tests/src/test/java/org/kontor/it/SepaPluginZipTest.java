package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.payment.PaymentGateway;
import org.kontor.api.payment.PaymentMethodType;
import org.kontor.api.web.Access;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.config.ConfigLoader;
import org.kontor.host.plugins.Contribution;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The SEPA direct debit plugin as an operator installs it, from its zip: its migration runs, its gateway is found,
 * and its IBAN check (iban4j, from the zip's lib/) answers through its API.
 */
@DatabaseTest
class SepaPluginZipTest {

    private static final Path ZIP = Path.of("../plugins/payment-gateways/sepa-direct-debit/target/sepa-direct-debit-1.1.0.zip");

    private KontorHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    @DbTest
    void theZipLoadsAndItsGatewayAndRoutesWork(Database database) throws Exception {
        assertThat(ZIP).as("packaged before the host's tests").isRegularFile();
        Path data = Files.createTempDirectory("kontor-sepa-zip-test");
        Path plugins = Files.createDirectories(data.resolve("plugins"));
        Files.copy(ZIP, plugins.resolve(ZIP.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        host = KontorHost.start(new ConfigLoader(Map.of(
                "KONTOR_DATA_DIR", data.toString(),
                "KONTOR_DB_URL", database.config().jdbcUrl(),
                "KONTOR_PLUGINS_DIR", plugins.toString(),
                "KONTOR_HTTP_PORT", "0",
                "KONTOR_JOBS_ENABLED", "false"), new Properties()).load(null, false), Clock.systemUTC());

        assertThat(host.plugins().activePluginIds()).contains("payment-sepa");
        PaymentGateway gateway = host.plugins().of(PaymentGateway.class).stream()
                .filter(c -> c.pluginId().equals("payment-sepa")).map(Contribution::extension).findFirst().orElseThrow();
        assertThat(gateway.gatewayId()).isEqualTo("sepa-direct-debit");
        assertThat(gateway.methods()).isEqualTo(Set.of(PaymentMethodType.SEPA_DIRECT_DEBIT));

        String token = host.apiTokens().issue("zip-customer-" + System.nanoTime(), Access.CUSTOMER, "test");
        HttpResponse<String> refused = post(token, "{\"reference\":\"ZIP-1\",\"debtorName\":\"Eva\","
                + "\"iban\":\"DE89370400440532013001\",\"signedOn\":\"2026-01-02\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("iban has wrong check digits");
        HttpResponse<String> created = post(token, "{\"reference\":\"ZIP-" + System.nanoTime() + "\",\"debtorName\":\"Eva\","
                + "\"iban\":\"DE89370400440532013000\",\"signedOn\":\"2026-01-02\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"state\":\"ACTIVE\"", "\"scheme\":\"CORE\"");
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + host.port() + "/api/v1/p/payment-sepa/mandates"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
