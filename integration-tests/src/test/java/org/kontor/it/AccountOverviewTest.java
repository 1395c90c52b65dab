package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.api.portfolio.PortfolioDomain;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.host.domains.DomainRecord;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/** The account overview's figures (the customer center's dashboard) count the caller's own domains, bills and orders. */
@DatabaseTest
class AccountOverviewTest {

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void theOverviewCountsTheResellersDomainsExpiringSoonAndOpenInvoices(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());
        List<DomainRecord> held = demo.host.domainStore().ofCustomer(DemoData.RESELLER_ID).stream()
                .filter(domain -> domain.state() == PortfolioDomain.State.ACTIVE).toList();
        Instant soon = Instant.now().plus(30, ChronoUnit.DAYS);
        long expiring = held.stream().filter(domain -> domain.terminatedAt() == null && domain.expiresAt() != null
                && domain.expiresAt().isAfter(Instant.now()) && domain.expiresAt().isBefore(soon)).count();
        assertThat(held).isNotEmpty();
        assertThat(expiring).as("the demo has a domain expiring in days").isPositive();

        HttpResponse<String> created = demo.send("POST", "/api/v1/admin/invoices", Map.of("customerId",
                DemoData.RESELLER_ID, "lines", List.of(Map.of("description", "Webhotel", "quantity", "1",
                        "unitPrice", "480.00", "vatRate", "0"))), DemoData.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String invoiceId = demo.json(created).get("id").asText();
        HttpResponse<String> issued = demo.send("POST", "/api/v1/admin/invoices/" + invoiceId + "/issue", null,
                DemoData.ADMIN_TOKEN);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);

        HttpResponse<String> overview = demo.send("GET", "/account", null, DemoData.RESELLER_TOKEN);
        assertThat(overview.statusCode()).isEqualTo(200);
        String body = overview.body();
        assertThat(figure(body, "domains")).isEqualTo(held.size());
        assertThat(body).contains("<span class=\"attention\" id=\"summary-expiring\">" + expiring + " expiring within 30 days");
        assertThat(figure(body, "invoices")).isGreaterThanOrEqualTo(1);
        assertThat(body).containsPattern("id=\"summary-outstanding\">[^<]*480\\.00[^<]* to pay");

        String other = demo.host.apiTokens().issue(DemoData.CUSTOMER_ID, org.kontor.api.web.Access.CUSTOMER, "test");
        String strangers = demo.send("GET", "/account", null, other).body();
        assertThat(figure(strangers, "invoices")).as("the reseller's invoice is not counted for anyone else").isZero();
    }

    private static int figure(String body, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("data-figure=\"" + name
                + "\">(?:<a [^>]*>)?<strong>(\\d+)</strong>").matcher(body);
        assertThat(matcher.find()).as("figure " + name + " in " + body).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
