package org.kontor.host.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kontor.api.domain.DomainName;
import org.kontor.api.domain.Tld;
import org.kontor.api.funding.ChargeKind;
import org.kontor.api.money.Money;
import org.kontor.api.portfolio.PortfolioDomain.State;
import org.kontor.host.domains.DomainPrices;
import org.kontor.host.domains.DomainStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo reseller's side of the demo data: domain prices in DKK, a prepaid account with an opening balance
 * (set up through the prepaid account plugin's own JSON API, as an operator and the reseller would), and a few
 * domains, three of them expiring within 30 days so that the Upcoming payments page is filled, and one deleted
 * for non-payment and in redemption, restorable for 250 DKK within 25 days (PA-6). Loading twice changes nothing.
 *
 * <p>The demo domains are host records only: the sandbox registry does not hold them, so renewing one in the demo
 * is refused by the registry ("object does not exist") and nothing is charged. Domains registered through the
 * sandbox expire a year later and appear on the page 30 days before.
 */
final class DemoPortfolio {

    private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);
    private static final String API = "/api/v1/p/prepaid-account";
    static final String RESELLER = "demo-reseller";
    static final String SCHEME = "demo-dkk";

    /** name, days until expiry */
    private static final List<Object[]> DOMAINS = List.of(
            new Object[] {"kontor-demo.dk", 9},
            new Object[] {"blåbær-demo.dk", 20},
            new Object[] {"demo-shop.test", 27},
            new Object[] {"longterm-demo.dk", 200});

    /** In redemption: it expired 20 days ago, was deleted and can be restored for 25 days more. */
    static final String IN_REDEMPTION = "lapsed-demo.dk";

    private final DomainStore domains;
    private final DomainPrices prices;
    private final Clock clock;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoPortfolio(DomainStore domains, DomainPrices prices, Clock clock, int port) {
        this.domains = domains;
        this.prices = prices;
        this.clock = clock;
        this.port = port;
    }

    /** @param dkRegistryId the registry the demo's .dk domains belong to */
    void load(boolean prepaidAccount, String dkRegistryId) {
        for (String tld : List.of("dk", "test", "example")) {
            prices.set(Tld.of(tld), ChargeKind.DOMAIN_CREATE, Money.of("100.00", "DKK"));
            prices.set(Tld.of(tld), ChargeKind.DOMAIN_RENEW, Money.of("89.00", "DKK"));
            prices.set(Tld.of(tld), ChargeKind.DOMAIN_RESTORE, Money.of("250.00", "DKK"));
        }
        Instant now = clock.instant();
        domains.jdbi().useTransaction(h -> {
            for (Object[] domain : DOMAINS) {
                DomainName name = DomainName.of((String) domain[0]);
                if (domains.find(h, name).isEmpty()) {
                    domains.put(h, name, RESELLER,
                            name.tld().equals(Tld.of("dk")) ? dkRegistryId : DemoData.SANDBOX_REGISTRY_ID, State.ACTIVE, now.minus(Duration.ofDays(365)),
                            now.plus(Duration.ofDays((Integer) domain[1])), null, "demo");
                }
            }
            DomainName lapsed = DomainName.of(IN_REDEMPTION);
            if (domains.find(h, lapsed).isEmpty()) {
                domains.put(h, lapsed, RESELLER, dkRegistryId, State.ACTIVE, now.minus(Duration.ofDays(385)),
                        now.minus(Duration.ofDays(20)), null, "demo");
                domains.redemption(h, lapsed, now.plus(Duration.ofDays(25)), "demo");
            }
        });
        if (prepaidAccount) {
            try {
                openAccount();
            } catch (IOException | RuntimeException e) {
                log.warn("Demo: could not open the demo reseller's prepaid account", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void openAccount() throws IOException, InterruptedException {
        if (send(DemoData.RESELLER_TOKEN, "GET", API + "/account", null).statusCode() == 200) {
            return;
        }
        send(DemoData.ADMIN_TOKEN, "POST", API + "/admin/schemes", "{\"id\":\"" + SCHEME + "\",\"name\":\"Demo resellers (DKK)\","
                + "\"currency\":\"DKK\",\"minimumTopUp\":\"1000\",\"domainsOnly\":true,\"creditLine\":\"2000\"}");
        HttpResponse<String> applied = send(DemoData.RESELLER_TOKEN, "POST", API + "/applications",
                "{\"scheme\":\"" + SCHEME + "\"}");
        String id = applied.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        if (applied.statusCode() != 201 || id.equals(applied.body())) {
            log.warn("Demo: the prepaid account application was refused: {} {}", applied.statusCode(), applied.body());
            return;
        }
        send(DemoData.ADMIN_TOKEN, "POST", API + "/admin/applications/" + id + "/approve", "");
        send(DemoData.ADMIN_TOKEN, "POST", API + "/admin/accounts/" + id + "/adjustments",
                "{\"amount\":\"5000\",\"reason\":\"Demo opening balance\"}");
        send(DemoData.RESELLER_TOKEN, "PUT", API + "/account/settings", "{\"notifyEmail\":\"reseller@example.net\","
                + "\"upcomingNotices\":\"true\",\"autoRenew\":\"false\",\"language\":\"en\"}");
        log.info("Demo: the demo reseller has a prepaid account with 5,000 DKK");
    }

    private HttpResponse<String> send(String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
