package org.kontor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.kontor.database.Database;
import org.kontor.host.demo.DemoData;
import org.kontor.testkit.DatabaseTest;
import org.kontor.testkit.DbTest;

/**
 * The admin dashboard on the demo host: the sandbox registry's balance as an SVG bar next to the table, and links to
 * the prepaid account plugin's pages where the resellers' balances are (the plugin API offers no way to read them).
 */
@DatabaseTest
class AdminDashboardTest {

    private OrderingHost demo;

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @DbTest
    void theDashboardDrawsRegistryAndPrepaidBalancesAndLinksThePrepaidPages(Database database) throws Exception {
        demo = OrderingHost.start(database, Map.of());

        HttpResponse<String> page = demo.send("GET", "/admin", null, DemoData.ADMIN_TOKEN);

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("id=\"registry-balances\"").contains("id=\"registry-chart-DKK\"").contains("<svg")
                .containsPattern("<rect [^>]*height=\"[1-9][0-9]*\"[^>]*><title>sandbox: DKK[0-9.,]+</title>");
        java.math.BigDecimal balance = new java.math.BigDecimal(demo.account().at("/balance/amount").asText());
        assertThat(body).as("the prepaid accounts' balances summed by the funding source").contains("id=\"prepaid-totals\"")
                .contains("<td>prepaid-account</td>").contains(String.format(java.util.Locale.ENGLISH, "%,.2f", balance))
                .contains("id=\"prepaid-chart-DKK\"");
        assertThat(body).contains("id=\"prepaid-pages\"").contains("href=\"/admin/p/prepaid-account\"").contains("href=\"/admin/p/prepaid-account/reconciliation\"")
                .doesNotContain("id=\"prepaid-not-available\"");
    }
}
