package org.kontor.it.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TEC-6 in Chromium under the host's content security policy: nothing is loaded from Matomo before the visitor
 * chooses; after "Accept" the plugin's tracker script runs, loads Matomo's script from its origin and the page view
 * reaches Matomo; after withdrawing, nothing is sent again.
 */
@BrowserTest(host = AnalyticsBrowserHost.class)
class AnalyticsBrowserTest {

    @Test
    void theTrackerRunsOnlyAfterConsentAndStopsAfterItIsWithdrawn(StorefrontBrowser browser, AnalyticsBrowserHost host)
            throws Exception {
        browser.open("/domains").step("banner");
        assertThat(browser.has("#consent-banner")).isTrue();
        Thread.sleep(1000);
        assertThat(host.matomo.getAllServeEvents()).as("nothing before the visitor chose").isEmpty();

        browser.go("#consent-accept").step("accepted");
        assertThat(browser.path()).isEqualTo("/domains");
        assertThat(browser.has("#consent-banner")).isFalse();
        List<LoggedRequest> views = browser.await(Duration.ofSeconds(15), driver -> {
            List<LoggedRequest> found = host.matomo.findAll(getRequestedFor(urlPathEqualTo("/matomo.php")));
            return found.isEmpty() ? null : found;
        });
        assertThat(views.get(0).queryParameter("idsite").firstValue()).isEqualTo("7");
        assertThat(views.get(0).queryParameter("cookies").firstValue()).isEqualTo("true");
        assertThat(views.get(0).queryParameter("url").firstValue()).endsWith("/domains");
        assertThat(host.matomo.findAll(getRequestedFor(urlPathEqualTo("/matomo.js")))).isNotEmpty();

        browser.go("#consent-withdraw").step("withdrawn");
        host.matomo.resetRequests();
        browser.open("/domains");
        Thread.sleep(1000);
        assertThat(browser.has("#consent-banner")).as("the choice is made").isFalse();
        assertThat(host.matomo.getAllServeEvents()).as("nothing after withdrawing").isEmpty();
    }
}
