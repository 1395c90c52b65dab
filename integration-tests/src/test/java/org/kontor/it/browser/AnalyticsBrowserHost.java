package org.kontor.it.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.kontor.database.Database;
import org.kontor.host.KontorHost;
import org.kontor.host.demo.DemoData;

/**
 * The demo with the Matomo plugin configured (with cookies, so only after consent) against a Matomo on loopback:
 * WireMock serving a {@code matomo.js} that, like Matomo's, takes the page's {@code _paq} queue and sends a page view to
 * {@code matomo.php} as an image request.
 */
public final class AnalyticsBrowserHost implements BrowserHost {

    /** What stands in for Matomo's tracker: reads the queue the plugin's script filled and sends the page view. */
    private static final String TRACKER = """
            (function () {
              var queue = window._paq || [], tracker = '', site = '', views = 0, cookies = true;
              queue.forEach(function (call) {
                if (call[0] === 'setTrackerUrl') { tracker = call[1]; }
                if (call[0] === 'setSiteId') { site = call[1]; }
                if (call[0] === 'trackPageView') { views++; }
                if (call[0] === 'disableCookies') { cookies = false; }
              });
              if (tracker && site && views) {
                new Image().src = tracker + '?idsite=' + site + '&rec=1&cookies=' + cookies
                    + '&url=' + encodeURIComponent(location.href);
              }
            }());
            """;

    final WireMockServer matomo = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    @Override
    public KontorHost start(Database database) throws Exception {
        matomo.start();
        matomo.stubFor(get(urlPathEqualTo("/matomo.js")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/javascript; charset=utf-8").withBody(TRACKER)));
        matomo.stubFor(get(urlPathEqualTo("/matomo.php")).willReturn(aResponse().withStatus(204)));
        KontorHost host = new DemoBrowserHost().start(database);
        HttpResponse<String> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + host.port() + "/api/v1/plugins/analytics-matomo/settings"))
                .header("Authorization", "Bearer " + DemoData.ADMIN_TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"base-url\":\"http://127.0.0.1:" + matomo.port()
                        + "\",\"site-id\":\"7\",\"cookieless\":\"false\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (saved.statusCode() != 200) {
            host.close();
            throw new IllegalStateException("the Matomo settings were refused: " + saved.body());
        }
        return host;
    }

    @Override
    public void close() {
        matomo.stop();
    }
}
